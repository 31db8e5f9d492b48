package io.github.nmapdiff.core.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullUnmarked;

/**
 * JAXB binding of the parts of nmap's XML ({@code nmap.dtd}) that the reader unmarshals one at
 * a time: a host, a scaninfo, the pre- and post-scan scripts and the run statistics.
 *
 * <p>These mutable classes never leave this package: {@link XmlToModel} turns them into the
 * model's records. Numbers are bound as numbers so that a malformed one is reported by JAXB
 * with its line and column; nmap's words stay strings here and become enums in the mapper.
 * Elements nmapdiff does not model (tcpsequence, times, ...) are skipped.
 *
 * <p>Unmarked for nullness: every field is null when nmap left the element or attribute out, and
 * {@link XmlToModel} checks each as it reads it.
 */
@NullUnmarked
final class Binding {
    private Binding() {
    }

    /** Every class of the binding, for the JAXB context. */
    static final Class<?>[] CLASSES = {
        HostXml.class, ScanInfoXml.class, ScriptsXml.class, RunStatsXml.class,
    };

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class HostXml {
        @XmlAttribute Long starttime;
        @XmlAttribute Long endtime;
        @XmlAttribute String timedout;
        @XmlAttribute String comment;
        @XmlElement StatusXml status;
        @XmlElement(name = "address") List<AddressXml> addresses = new ArrayList<>();
        @XmlElement(name = "hostnames") List<HostNamesXml> hostnames = new ArrayList<>();
        @XmlElement(name = "ports") List<PortsXml> ports = new ArrayList<>();
        @XmlElement OsXml os;
        @XmlElement DistanceXml distance;
        @XmlElement UptimeXml uptime;
        @XmlElement ScriptsXml hostscript;
        @XmlElement TraceXml trace;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class StatusXml {
        @XmlAttribute String state;
        @XmlAttribute String reason;
        @XmlAttribute(name = "reason_ttl") Integer reasonTtl;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class AddressXml {
        @XmlAttribute String addr;
        @XmlAttribute String addrtype;
        @XmlAttribute String vendor;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class HostNamesXml {
        @XmlElement(name = "hostname") List<HostNameXml> names = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class HostNameXml {
        @XmlAttribute String name;
        @XmlAttribute String type;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class PortsXml {
        @XmlElement(name = "extraports") List<ExtraPortsXml> extraports = new ArrayList<>();
        @XmlElement(name = "port") List<PortXml> ports = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ExtraPortsXml {
        @XmlAttribute String state;
        @XmlAttribute Integer count;
        @XmlElement(name = "extrareasons") List<ExtraReasonsXml> reasons = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ExtraReasonsXml {
        @XmlAttribute String reason;
        @XmlAttribute Integer count;
        @XmlAttribute String proto;
        @XmlAttribute String ports;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class PortXml {
        @XmlAttribute String protocol;
        @XmlAttribute Integer portid;
        @XmlElement StateXml state;
        @XmlElement OwnerXml owner;
        @XmlElement ServiceXml service;
        @XmlElement(name = "script") List<ScriptXml> scripts = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class StateXml {
        @XmlAttribute String state;
        @XmlAttribute String reason;
        @XmlAttribute(name = "reason_ttl") Integer reasonTtl;
        @XmlAttribute(name = "reason_ip") String reasonIp;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class OwnerXml {
        @XmlAttribute String name;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ServiceXml {
        @XmlAttribute String name;
        @XmlAttribute Integer conf;
        @XmlAttribute String method;
        @XmlAttribute String version;
        @XmlAttribute String product;
        @XmlAttribute String extrainfo;
        @XmlAttribute String tunnel;
        @XmlAttribute String proto;
        @XmlAttribute Integer rpcnum;
        @XmlAttribute Integer lowver;
        @XmlAttribute Integer highver;
        @XmlAttribute String hostname;
        @XmlAttribute String ostype;
        @XmlAttribute String devicetype;
        @XmlAttribute String servicefp;
        @XmlElement(name = "cpe") List<String> cpes = new ArrayList<>();
    }

    /** The {@code script} elements of a hostscript, prescript or postscript. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ScriptsXml {
        @XmlElement(name = "script") List<ScriptXml> scripts = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ScriptXml {
        @XmlAttribute String id;
        @XmlAttribute String output;
        @XmlElements({
            @XmlElement(name = "elem", type = ElemXml.class),
            @XmlElement(name = "table", type = TableXml.class),
        })
        List<Object> children = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ElemXml {
        @XmlAttribute String key;
        @XmlValue String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class TableXml {
        @XmlAttribute String key;
        @XmlElements({
            @XmlElement(name = "elem", type = ElemXml.class),
            @XmlElement(name = "table", type = TableXml.class),
        })
        List<Object> children = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class OsXml {
        @XmlElement(name = "portused") List<PortUsedXml> portsUsed = new ArrayList<>();
        @XmlElement(name = "osmatch") List<OsMatchXml> matches = new ArrayList<>();
        @XmlElement(name = "osclass") List<OsClassXml> classes = new ArrayList<>();
        @XmlElement(name = "osfingerprint") List<OsFingerprintXml> fingerprints = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class PortUsedXml {
        @XmlAttribute String state;
        @XmlAttribute String proto;
        @XmlAttribute Integer portid;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class OsMatchXml {
        @XmlAttribute String name;
        @XmlAttribute Integer accuracy;
        @XmlAttribute Integer line;
        @XmlElement(name = "osclass") List<OsClassXml> classes = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class OsClassXml {
        @XmlAttribute String vendor;
        @XmlAttribute String osgen;
        @XmlAttribute String type;
        @XmlAttribute Integer accuracy;
        @XmlAttribute String osfamily;
        @XmlElement(name = "cpe") List<String> cpes = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class OsFingerprintXml {
        @XmlAttribute String fingerprint;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class DistanceXml {
        @XmlAttribute Integer value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class UptimeXml {
        @XmlAttribute Long seconds;
        @XmlAttribute String lastboot;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class TraceXml {
        @XmlAttribute String proto;
        @XmlAttribute Integer port;
        @XmlElement(name = "hop") List<HopXml> hops = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class HopXml {
        @XmlAttribute Integer ttl;
        @XmlAttribute String rtt;
        @XmlAttribute String ipaddr;
        @XmlAttribute String host;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ScanInfoXml {
        @XmlAttribute String type;
        @XmlAttribute String scanflags;
        @XmlAttribute String protocol;
        @XmlAttribute Integer numservices;
        @XmlAttribute String services;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class RunStatsXml {
        @XmlElement FinishedXml finished;
        @XmlElement HostsXml hosts;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class FinishedXml {
        @XmlAttribute Long time;
        @XmlAttribute String timestr;
        @XmlAttribute String elapsed;
        @XmlAttribute String summary;
        @XmlAttribute String exit;
        @XmlAttribute String errormsg;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class HostsXml {
        @XmlAttribute Integer up;
        @XmlAttribute Integer down;
        @XmlAttribute Integer total;
    }
}
