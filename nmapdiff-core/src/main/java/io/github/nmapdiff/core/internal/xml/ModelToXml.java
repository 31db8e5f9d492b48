package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.ExtraReasons;
import io.github.nmapdiff.core.model.Hop;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.OsClass;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.OsMatch;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortUsed;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScanInfo;
import io.github.nmapdiff.core.model.ScriptElement;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the model as nmap XML, element by element in nmap's order, so that nmap's tools
 * ({@code ndiff}, the XSL stylesheet) read it as they read nmap's own output.
 */
public final class ModelToXml {
    private final XmlOut out;

    /**
     * Writes to a character stream; the caller flushes and closes it.
     *
     * @param writer where the XML goes
     */
    public ModelToXml(Writer writer) {
        this.out = new XmlOut(writer);
    }

    /** Writes a whole scan. */
    public void scan(Scan scan) throws IOException {
        header(scan);
        for (Host host : scan.hosts()) {
            host(host);
        }
        trailer(scan);
    }

    /** Writes everything before the first host. */
    public void header(Scan scan) throws IOException {
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n");
        out.start("nmaprun")
                .attr("scanner", scan.scanner())
                .attr("args", scan.args())
                .attr("start", seconds(scan.start()))
                .attr("startstr", scan.startString())
                .attr("version", scan.nmapVersion())
                .attr("xmloutputversion", scan.xmlOutputVersion())
                .open();
        for (ScanInfo info : scan.scanInfos()) {
            out.start("scaninfo")
                    .attr("type", info.type())
                    .attr("scanflags", info.scanFlags())
                    .attr("protocol", info.protocol().nmapName())
                    .attr("numservices", info.numberOfServices())
                    .attr("services", info.services())
                    .empty();
        }
        out.start("verbose").attr("level", scan.verboseLevel()).empty();
        out.start("debugging").attr("level", scan.debuggingLevel()).empty();
        scripts("prescript", scan.preScanScripts());
    }

    /** Writes everything after the last host. */
    public void trailer(Scan scan) throws IOException {
        scripts("postscript", scan.postScanScripts());
        RunStats stats = scan.runStats();
        if (stats != null) {
            out.start("runstats").open();
            out.start("finished")
                    .attr("time", seconds(stats.finished()))
                    .attr("timestr", stats.finishedString())
                    .attr("elapsed", stats.elapsedSeconds())
                    .attr("summary", stats.summary())
                    .attr("exit", stats.exit() == null ? null : stats.exit().nmapName())
                    .attr("errormsg", stats.errorMessage())
                    .empty();
            out.start("hosts")
                    .attr("up", stats.hostsUp())
                    .attr("down", stats.hostsDown())
                    .attr("total", stats.hostsTotal())
                    .empty();
            out.end("runstats");
        }
        out.end("nmaprun");
    }

    /** Writes one host. */
    public void host(Host host) throws IOException {
        out.start("host")
                .attr("starttime", seconds(host.startTime()))
                .attr("endtime", seconds(host.endTime()))
                .attr("timedout", host.timedOut() ? "true" : null)
                .attr("comment", host.comment())
                .open();
        out.start("status")
                .attr("state", host.status().state().nmapName())
                .attr("reason", host.status().reason())
                .attr("reason_ttl", host.status().reasonTtl())
                .empty();
        for (Address a : host.addresses()) {
            out.start("address").attr("addr", a.address()).attr("addrtype", a.type().nmapName()).attr("vendor", a.vendor()).empty();
        }
        out.start("hostnames").open();
        for (HostName n : host.hostNames()) {
            out.start("hostname").attr("name", n.name()).attr("type", n.type() == null ? null : n.type().nmapName()).empty();
        }
        out.end("hostnames");
        if (!host.extraPorts().isEmpty() || !host.ports().isEmpty()) {
            out.start("ports").open();
            for (ExtraPorts e : host.extraPorts()) {
                extraPorts(e);
            }
            for (Port p : host.ports()) {
                port(p);
            }
            out.end("ports");
        }
        os(host.os());
        if (host.uptime() != null) {
            out.start("uptime").attr("seconds", host.uptime().seconds()).attr("lastboot", host.uptime().lastBoot()).empty();
        }
        if (host.distance() != null) {
            out.start("distance").attr("value", host.distance()).empty();
        }
        scripts("hostscript", host.scripts());
        if (host.trace() != null) {
            out.start("trace").attr("proto", host.trace().protocol()).attr("port", host.trace().port()).open();
            for (Hop h : host.trace().hops()) {
                out.start("hop").attr("ttl", h.ttl()).attr("ipaddr", h.ipAddress()).attr("rtt", h.rtt()).attr("host", h.host()).empty();
            }
            out.end("trace");
        }
        out.end("host");
    }

    private void extraPorts(ExtraPorts e) throws IOException {
        out.start("extraports").attr("state", e.state().nmapName()).attr("count", e.count());
        if (e.reasons().isEmpty()) {
            out.empty();
            return;
        }
        out.open();
        for (ExtraReasons r : e.reasons()) {
            out.start("extrareasons")
                    .attr("reason", r.reason())
                    .attr("count", r.count())
                    .attr("proto", r.protocol() == null ? null : r.protocol().nmapName())
                    .attr("ports", r.ports())
                    .empty();
        }
        out.end("extraports");
    }

    private void port(Port p) throws IOException {
        out.start("port").attr("protocol", p.protocol().nmapName()).attr("portid", p.number()).open();
        out.start("state")
                .attr("state", p.state().nmapName())
                .attr("reason", p.reason())
                .attr("reason_ttl", p.reasonTtl())
                .attr("reason_ip", p.reasonIp())
                .empty();
        if (p.owner() != null) {
            out.start("owner").attr("name", p.owner()).empty();
        }
        if (p.service() != null) {
            service(p.service());
        }
        for (ScriptResult s : p.scripts()) {
            script(s);
        }
        out.end("port");
    }

    private void service(Service s) throws IOException {
        out.start("service")
                .attr("name", s.name())
                .attr("product", s.product())
                .attr("version", s.version())
                .attr("extrainfo", s.extraInfo())
                .attr("tunnel", s.tunnel())
                .attr("proto", s.proto())
                .attr("rpcnum", s.rpcNumber())
                .attr("lowver", s.lowVersion())
                .attr("highver", s.highVersion())
                .attr("hostname", s.hostName())
                .attr("ostype", s.osType())
                .attr("devicetype", s.deviceType())
                .attr("servicefp", s.serviceFingerprint())
                .attr("method", s.method())
                .attr("conf", s.confidence());
        cpes(s.cpes(), "service");
    }

    private void cpes(List<String> cpes, String element) throws IOException {
        if (cpes.isEmpty()) {
            out.empty();
            return;
        }
        out.open();
        for (String cpe : cpes) {
            out.start("cpe").text("cpe", cpe);
        }
        out.end(element);
    }

    private void os(OsDetection os) throws IOException {
        if (os.isEmpty()) {
            return;
        }
        out.start("os").open();
        for (PortUsed p : os.portsUsed()) {
            out.start("portused").attr("state", p.state().nmapName()).attr("proto", p.protocol().nmapName())
                    .attr("portid", p.number()).empty();
        }
        for (OsClass c : os.classes()) {
            osClass(c);
        }
        for (OsMatch m : os.matches()) {
            out.start("osmatch").attr("name", m.name()).attr("accuracy", m.accuracy()).attr("line", m.line());
            if (m.classes().isEmpty()) {
                out.empty();
            } else {
                out.open();
                for (OsClass c : m.classes()) {
                    osClass(c);
                }
                out.end("osmatch");
            }
        }
        for (String fingerprint : os.fingerprints()) {
            out.start("osfingerprint").attr("fingerprint", fingerprint).empty();
        }
        out.end("os");
    }

    private void osClass(OsClass c) throws IOException {
        out.start("osclass")
                .attr("type", c.type())
                .attr("vendor", c.vendor())
                .attr("osfamily", c.osFamily())
                .attr("osgen", c.osGeneration())
                .attr("accuracy", c.accuracy());
        cpes(c.cpes(), "osclass");
    }

    private void scripts(String element, List<ScriptResult> scripts) throws IOException {
        if (scripts.isEmpty()) {
            return;
        }
        out.start(element).open();
        for (ScriptResult s : scripts) {
            script(s);
        }
        out.end(element);
    }

    private void script(ScriptResult s) throws IOException {
        out.start("script").attr("id", s.id()).attr("output", s.output());
        if (s.elements().isEmpty()) {
            out.empty();
            return;
        }
        out.open();
        elements(s.elements());
        out.end("script");
    }

    private void elements(List<ScriptElement> elements) throws IOException {
        for (ScriptElement e : elements) {
            if (e instanceof ScriptElement.Table t) {
                out.start("table").attr("key", t.key()).open();
                elements(t.elements());
                out.end("table");
            } else {
                ScriptElement.Elem elem = (ScriptElement.Elem) e;
                out.start("elem").attr("key", elem.key()).text("elem", elem.value());
            }
        }
    }

    private static @Nullable Long seconds(@Nullable Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
