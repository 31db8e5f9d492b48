package io.github.nmapdiff.core.render;

import io.github.nmapdiff.core.diff.HostDiff;
import io.github.nmapdiff.core.diff.OsEdit;
import io.github.nmapdiff.core.diff.PortDiff;
import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.diff.ScriptDiff;
import io.github.nmapdiff.core.internal.MiniDom.Element;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders a diff as ndiff's XML output ({@code ndiff --xml}, {@code <nmapdiff version="1">}),
 * byte for byte, normal or verbose. Instances are immutable and thread-safe.
 */
public final class NdiffXml {
    private final boolean verbose;
    private final NdiffText clock;

    private NdiffXml(boolean verbose, ZoneId zone) {
        this.verbose = verbose;
        this.clock = NdiffText.of(verbose, zone);
    }

    /**
     * Returns a renderer.
     *
     * @param verbose whether to include unchanged hosts and ports too, as {@code ndiff -v --xml}
     * @param zone the time zone of the {@code startstr} attributes (ndiff uses the local one); never null
     * @return the renderer, never null
     */
    public static NdiffXml of(boolean verbose, ZoneId zone) {
        return new NdiffXml(verbose, zone);
    }

    /**
     * Renders a diff.
     *
     * @param diff the diff, never null
     * @return the XML document, never null
     */
    public String render(ScanDiff diff) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<nmapdiff version=\"1\"><scandiff>");
        Scan a = diff.before();
        Scan b = diff.after();
        if (nmaprunDiffers(a, b)) {
            out.append("<a>");
            nmaprun(a).write(out);
            out.append("</a><b>");
            nmaprun(b).write(out);
            out.append("</b>");
        } else if (verbose) {
            nmaprun(a).write(out);
        }
        scanScripts(out, "prescript", a.preScanScripts(), b.preScanScripts(), diff.preScanScripts());
        for (HostDiff host : diff.shownHosts(verbose)) {
            hostDiff(host).write(out);
        }
        scanScripts(out, "postscript", a.postScanScripts(), b.postScanScripts(), diff.postScanScripts());
        out.append("</scandiff></nmapdiff>");
        return out.toString();
    }

    private static boolean nmaprunDiffers(Scan a, Scan b) {
        return !Objects.equals(a.scanner(), b.scanner()) || !Objects.equals(a.nmapVersion(), b.nmapVersion())
                || !Objects.equals(a.args(), b.args()) || !Objects.equals(a.start(), b.start())
                || !Objects.equals(end(a), end(b));
    }

    private static @Nullable Instant end(Scan scan) {
        return scan.runStats() == null ? null : scan.runStats().finished();
    }

    private Element nmaprun(Scan scan) {
        return new Element("nmaprun")
                .attr("scanner", scan.scanner())
                .attr("args", scan.args())
                .attr("start", scan.start() == null ? null : Long.toString(scan.start().getEpochSecond()))
                .attr("startstr", scan.start() == null ? null : clock.ctime(scan.start()))
                .attr("version", scan.nmapVersion());
    }

    /**
     * Pre- and post-scan results. ndiff writes the children of what it built, not the element
     * itself: the wrapper ({@code <a>}, {@code <b>} or the list element) never appears.
     */
    private void scanScripts(StringBuilder out, String name, List<ScriptResult> a, List<ScriptResult> b,
            List<ScriptDiff> diffs) {
        List<ScriptDiff> shown = diffs.stream().filter(d -> d.changed() || verbose).toList();
        if (shown.isEmpty() && !verbose) {
            return;
        }
        Element built = scriptList(new Element(name), a, b, shown);
        if (built != null) {
            built.children().forEach(child -> child.write(out));
        }
    }

    /** What ndiff builds for a list of script results; null when both lists are empty. */
    private static @Nullable Element scriptList(Element list, List<ScriptResult> a, List<ScriptResult> b, List<ScriptDiff> shown) {
        if (a.isEmpty() && b.isEmpty()) {
            return null;
        }
        if (b.isEmpty()) {
            a.forEach(s -> list.add(script(s)));
            return new Element("a").add(list);
        }
        if (a.isEmpty()) {
            b.forEach(s -> list.add(script(s)));
            return new Element("b").add(list);
        }
        shown.forEach(d -> list.addAll(scriptDiff(d)));
        return list;
    }

    private static List<Element> scriptDiff(ScriptDiff d) {
        if (d.before() != null && d.after() != null && !d.changed()) {
            return List.of(script(d.before()));
        }
        List<Element> elements = new ArrayList<>(2);
        if (d.before() != null) {
            elements.add(new Element("a").add(script(d.before())));
        }
        if (d.after() != null) {
            elements.add(new Element("b").add(script(d.after())));
        }
        return elements;
    }

    private static Element script(ScriptResult s) {
        return new Element("script").attr("id", s.id()).attr("output", s.output());
    }

    private Element hostDiff(HostDiff diff) {
        Element hostdiff = new Element("hostdiff");
        NdiffHost a = NdiffHost.of(diff.before());
        NdiffHost b = NdiffHost.of(diff.after());
        if (a.state() == null) {
            return hostdiff.add(new Element("b").add(wholeHost(b)));
        }
        if (b.state() == null) {
            return hostdiff.add(new Element("a").add(wholeHost(a)));
        }
        Element host = new Element("host");
        if (!diff.stateChanged()) {
            if (verbose) {
                host.add(status(a));
            }
        } else {
            host.add(new Element("a").add(status(a)));
            host.add(new Element("b").add(status(b)));
        }

        Set<Address> addressesA = new HashSet<>(a.addresses());
        Set<Address> addressesB = new HashSet<>(b.addresses());
        a.sortedAddresses().stream().filter(addressesB::contains).forEach(x -> host.add(address(x)));
        addIfAny(host, new Element("a"), a.sortedAddresses().stream().filter(x -> !addressesB.contains(x)).map(NdiffXml::address).toList());
        addIfAny(host, new Element("b"), b.sortedAddresses().stream().filter(x -> !addressesA.contains(x)).map(NdiffXml::address).toList());

        Element hostnames = new Element("hostnames");
        Set<String> namesA = new HashSet<>(a.hostNames());
        Set<String> namesB = new HashSet<>(b.hostNames());
        a.sortedHostNames().stream().filter(namesB::contains).forEach(n -> hostnames.add(hostname(n)));
        addIfAny(hostnames, new Element("a"), a.sortedHostNames().stream().filter(n -> !namesB.contains(n)).map(NdiffXml::hostname).toList());
        addIfAny(hostnames, new Element("b"), b.sortedHostNames().stream().filter(n -> !namesA.contains(n)).map(NdiffXml::hostname).toList());
        if (hostnames.hasChildren()) {
            host.add(hostnames);
        }

        Element ports = new Element("ports");
        if (a.extraPorts().equals(b.extraPorts())) {
            ports.addAll(extraPorts(a));
        } else {
            ports.add(new Element("a").addAll(extraPorts(a)));
            ports.add(new Element("b").addAll(extraPorts(b)));
        }
        for (PortDiff p : diff.shownPorts(verbose)) {
            if (p.cost(verbose) == 0) {
                if (verbose) {
                    ports.add(port(p.key(), p.before() != null ? p.before() : p.after()));
                }
            } else {
                ports.add(portDiff(p));
            }
        }
        if (ports.hasChildren()) {
            host.add(ports);
        }

        if (diff.osChanged() || verbose) {
            Element os = new Element("os");
            for (OsEdit edit : diff.os()) {
                if (edit.kind() == OsEdit.Kind.EQUAL) {
                    edit.before().forEach(name -> os.add(osMatch(name)));
                    continue;
                }
                if (edit.kind() != OsEdit.Kind.INSERT) {
                    os.add(new Element("a").addAll(edit.before().stream().map(NdiffXml::osMatch).toList()));
                }
                if (edit.kind() != OsEdit.Kind.DELETE) {
                    os.add(new Element("b").addAll(edit.after().stream().map(NdiffXml::osMatch).toList()));
                }
            }
            if (os.hasChildren()) {
                host.add(os);
            }
        }

        List<ScriptDiff> shownScripts = diff.scripts().stream().filter(d -> d.changed() || verbose).toList();
        if (!shownScripts.isEmpty() || verbose) {
            Element built = scriptList(new Element("hostscript"), a.scripts(), b.scripts(), shownScripts);
            if (built != null) {
                host.add(built);
            }
        }
        return hostdiff.add(host);
    }

    private static void addIfAny(Element parent, Element wrapper, List<Element> children) {
        if (!children.isEmpty()) {
            parent.add(wrapper.addAll(children));
        }
    }

    /** A host present on one side only, whole. */
    private static Element wholeHost(NdiffHost h) {
        Element host = new Element("host");
        host.add(status(h));
        h.addresses().forEach(x -> host.add(address(x)));
        if (!h.hostNames().isEmpty()) {
            Element names = new Element("hostnames");
            h.hostNames().forEach(n -> names.add(hostname(n)));
            host.add(names);
        }
        Element ports = new Element("ports");
        ports.addAll(extraPorts(h));
        h.ports().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> !h.isExtraPorts(e.getValue().state().nmapName()))
                .forEach(e -> ports.add(port(e.getKey(), e.getValue())));
        if (ports.hasChildren()) {
            host.add(ports);
        }
        if (!h.os().isEmpty()) {
            Element os = new Element("os");
            h.os().forEach(name -> os.add(osMatch(name)));
            host.add(os);
        }
        if (!h.scripts().isEmpty()) {
            Element scripts = new Element("hostscript");
            h.scripts().forEach(s -> scripts.add(script(s)));
            host.add(scripts);
        }
        return host;
    }

    private static Element status(NdiffHost h) {
        return new Element("status").attr("state", h.state());
    }

    private static Element address(Address a) {
        return new Element("address").attr("addr", a.address()).attr("addrtype", a.type().nmapName());
    }

    private static Element hostname(String name) {
        return new Element("hostname").attr("name", name);
    }

    private static Element osMatch(String name) {
        return new Element("osmatch").attr("name", name);
    }

    private static List<Element> extraPorts(NdiffHost h) {
        List<Element> elements = new ArrayList<>();
        h.extraPorts().forEach((state, count) -> elements.add(
                new Element("extraports").attr("state", state).attr("count", Integer.toString(count))));
        return elements;
    }

    /** A port as ndiff writes it; {@code port} null stands for a port not listed. */
    private static Element port(PortKey key, @Nullable Port port) {
        Element element = new Element("port").attr("portid", Integer.toString(key.number())).attr("protocol", key.protocol().nmapName());
        if (port == null) {
            return element;
        }
        element.add(new Element("state").attr("state", port.state().nmapName()));
        Element service = service(port.service());
        if (service != null) {
            element.add(service);
        }
        List<ScriptResult> scripts = new ArrayList<>(port.scripts());
        scripts.sort(NdiffHost.SCRIPT_ORDER);
        scripts.forEach(s -> element.add(script(s)));
        return element;
    }

    /** ndiff writes a service only when it has one of the attributes it compares or shows. */
    private static @Nullable Element service(@Nullable Service s) {
        if (s == null) {
            return null;
        }
        return new Element("service").attr("name", s.name()).attr("product", s.product()).attr("version", s.version())
                .attr("extrainfo", s.extraInfo()).attr("tunnel", s.tunnel());
    }

    private Element portDiff(PortDiff p) {
        Element portdiff = new Element("portdiff");
        if (!p.stateChanged()) {
            Port a = p.before();
            Element port = new Element("port").attr("portid", Integer.toString(p.key().number()))
                    .attr("protocol", p.key().protocol().nmapName());
            if (a != null) {
                port.add(new Element("state").attr("state", a.state().nmapName()));
            }
            Element serviceA = service(a == null ? null : a.service());
            Element serviceB = service(p.after() == null ? null : p.after().service());
            if (!p.serviceChanged()) {
                if (serviceA != null) {
                    port.add(serviceA);
                }
            } else {
                Element wrapA = new Element("a");
                if (serviceA != null) {
                    wrapA.add(serviceA);
                }
                Element wrapB = new Element("b");
                if (serviceB != null) {
                    wrapB.add(serviceB);
                }
                port.add(wrapA).add(wrapB);
            }
            p.scripts().stream().filter(d -> d.changed() || verbose).forEach(d -> port.addAll(scriptDiff(d)));
            return portdiff.add(port);
        }
        portdiff.add(new Element("a").add(port(p.key(), p.before())));
        portdiff.add(new Element("b").add(port(p.key(), p.after())));
        return portdiff;
    }
}
