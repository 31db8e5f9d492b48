package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.internal.xml.Binding.ElemXml;
import io.github.nmapdiff.core.internal.xml.Binding.HostXml;
import io.github.nmapdiff.core.internal.xml.Binding.OsClassXml;
import io.github.nmapdiff.core.internal.xml.Binding.OsXml;
import io.github.nmapdiff.core.internal.xml.Binding.PortXml;
import io.github.nmapdiff.core.internal.xml.Binding.RunStatsXml;
import io.github.nmapdiff.core.internal.xml.Binding.ScanInfoXml;
import io.github.nmapdiff.core.internal.xml.Binding.ScriptXml;
import io.github.nmapdiff.core.internal.xml.Binding.ScriptsXml;
import io.github.nmapdiff.core.internal.xml.Binding.ServiceXml;
import io.github.nmapdiff.core.internal.xml.Binding.TableXml;
import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.ExtraReasons;
import io.github.nmapdiff.core.model.Hop;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.HostStatus;
import io.github.nmapdiff.core.model.OsClass;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.OsMatch;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.PortUsed;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.ScanInfo;
import io.github.nmapdiff.core.model.ScriptElement;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.model.Trace;
import io.github.nmapdiff.core.model.Uptime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JAXB binding into the model's records. Every failure is an
 * {@link IllegalArgumentException} whose message names the element and attribute at fault;
 * the reader adds the file and line. One per reading: the strings that hosts repeat are shared
 * across the hosts it turns.
 */
final class XmlToModel {
    private final SharedStrings shared = new SharedStrings();

    Host host(HostXml x) {
        List<Address> addresses = map(x.addresses, a -> new Address(
                require(a.addr, "address", "addr"),
                a.addrtype == null ? AddressType.IPV4 : AddressType.fromNmap(a.addrtype),
                shared.of(a.vendor)));
        List<HostName> names = new ArrayList<>();
        x.hostnames.forEach(h -> h.names.forEach(n -> names.add(
                new HostName(n.name, n.type == null ? null : HostNameType.fromNmap(n.type)))));
        List<ExtraPorts> extraPorts = new ArrayList<>();
        List<Port> ports = new ArrayList<>();
        x.ports.forEach(p -> {
            p.extraports.forEach(e -> extraPorts.add(new ExtraPorts(
                    PortState.fromNmap(require(e.state, "extraports", "state")),
                    require(e.count, "extraports", "count"),
                    map(e.reasons, r -> new ExtraReasons(
                            shared.of(require(r.reason, "extrareasons", "reason")),
                            require(r.count, "extrareasons", "count"),
                            r.proto == null ? null : Protocol.fromNmap(r.proto),
                            shared.of(r.ports))))));
            p.ports.forEach(port -> ports.add(port(port)));
        });
        if (x.status == null) {
            throw new IllegalArgumentException("host has no status element");
        }
        return new Host(
                new HostStatus(HostState.fromNmap(require(x.status.state, "status", "state")), shared.of(x.status.reason),
                        x.status.reasonTtl),
                addresses,
                names,
                extraPorts,
                ports,
                x.hostscript == null ? List.of() : scripts(x.hostscript),
                os(x.os),
                x.uptime == null ? null : new Uptime(require(x.uptime.seconds, "uptime", "seconds"), x.uptime.lastboot),
                x.distance == null ? null : x.distance.value,
                x.trace == null ? null : new Trace(x.trace.proto, x.trace.port, map(x.trace.hops,
                        h -> new Hop(require(h.ttl, "hop", "ttl"), h.rtt, shared.of(h.ipaddr), shared.of(h.host)))),
                instant(x.starttime),
                instant(x.endtime),
                "true".equals(x.timedout),
                x.comment);
    }

    private Port port(PortXml x) {
        if (x.state == null) {
            throw new IllegalArgumentException("port " + x.portid + " has no state element");
        }
        return new Port(
                Protocol.fromNmap(require(x.protocol, "port", "protocol")),
                require(x.portid, "port", "portid"),
                PortState.fromNmap(require(x.state.state, "state", "state")),
                shared.of(x.state.reason),
                x.state.reasonTtl,
                x.state.reasonIp,
                x.owner == null ? null : shared.of(x.owner.name),
                x.service == null ? null : service(x.service),
                map(x.scripts, this::script));
    }

    private Service service(ServiceXml x) {
        return new Service(shared.of(require(x.name, "service", "name")), shared.of(x.product), shared.of(x.version),
                shared.of(x.extrainfo), shared.of(x.tunnel), shared.of(x.proto), x.rpcnum, x.lowver, x.highver, x.hostname,
                shared.of(x.ostype), shared.of(x.devicetype), x.servicefp, shared.of(x.method), x.conf, shared.of(x.cpes));
    }

    private OsDetection os(OsXml x) {
        if (x == null) {
            return OsDetection.empty();
        }
        return new OsDetection(
                map(x.portsUsed, p -> new PortUsed(
                        PortState.fromNmap(require(p.state, "portused", "state")),
                        Protocol.fromNmap(require(p.proto, "portused", "proto")),
                        require(p.portid, "portused", "portid"))),
                map(x.matches, m -> new OsMatch(shared.of(require(m.name, "osmatch", "name")), require(m.accuracy, "osmatch", "accuracy"),
                        m.line, map(m.classes, this::osClass))),
                map(x.classes, this::osClass),
                map(x.fingerprints, f -> require(f.fingerprint, "osfingerprint", "fingerprint")));
    }

    private OsClass osClass(OsClassXml x) {
        return new OsClass(shared.of(require(x.vendor, "osclass", "vendor")), shared.of(x.osgen), shared.of(x.type),
                require(x.accuracy, "osclass", "accuracy"), shared.of(require(x.osfamily, "osclass", "osfamily")), shared.of(x.cpes));
    }

    List<ScriptResult> scripts(ScriptsXml x) {
        return map(x.scripts, this::script);
    }

    private ScriptResult script(ScriptXml x) {
        return new ScriptResult(shared.of(require(x.id, "script", "id")), x.output == null ? "" : shared.of(x.output), elements(x.children));
    }

    private List<ScriptElement> elements(List<Object> children) {
        return map(children, c -> c instanceof TableXml t
                ? new ScriptElement.Table(shared.of(t.key), elements(t.children))
                : new ScriptElement.Elem(shared.of(((ElemXml) c).key), ((ElemXml) c).value == null ? "" : shared.of(((ElemXml) c).value)));
    }

    static ScanInfo scanInfo(ScanInfoXml x) {
        return new ScanInfo(require(x.type, "scaninfo", "type"), Protocol.fromNmap(require(x.protocol, "scaninfo", "protocol")),
                x.numservices == null ? 0 : x.numservices, x.services == null ? "" : x.services, x.scanflags);
    }

    static RunStats runStats(RunStatsXml x) {
        var f = x.finished;
        var h = x.hosts;
        return new RunStats(
                f == null ? null : instant(f.time),
                f == null ? null : f.timestr,
                f == null || f.elapsed == null ? null : decimal(f.elapsed),
                f == null ? null : f.summary,
                f == null || f.exit == null ? null : ExitStatus.fromNmap(f.exit),
                f == null ? null : f.errormsg,
                h == null || h.up == null ? 0 : h.up,
                h == null || h.down == null ? 0 : h.down,
                h == null || h.total == null ? 0 : h.total);
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("finished/@elapsed is not a number: '" + text + "'", e);
        }
    }

    static @Nullable Instant instant(@Nullable Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static <T> T require(T value, String element, String attribute) {
        if (value == null) {
            throw new IllegalArgumentException(element + " has no " + attribute + " attribute");
        }
        return value;
    }

    private static <A, B> List<B> map(List<A> from, Function<A, B> f) {
        List<B> to = new ArrayList<>(from.size());
        for (A a : from) {
            to.add(f.apply(a));
        }
        return to;
    }
}
