package io.github.nmapdiff.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nmapdiff.core.model.KnownHost;
import io.github.nmapdiff.core.model.KnownPort;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.render.Csv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmapdiff inventory DIR}: what is exposed now, from the job's memory. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = {"Lists what is exposed now, most serious first, with when each port was first seen.",
            "Every answering host and open port, with its service, version and severity (the rules the job applied"
                    + " included); from the job's memory."})
final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "the snapshot folder (or the database, with --store)")
    Path folder;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--rules", paramLabel = "FILE", description = "the rules to apply (default: those the job applied to its last night)")
    Path rules;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "a JSON document (format nmapdiff-inventory, version 1)")
        boolean json;

        @Option(names = "--csv", description = "comma-separated values, one row per open port, for spreadsheets")
        boolean csv;
    }

    /** One row: a site's host and one of its open ports (or none), with its severity as the rules give it. */
    record Row(String site, KnownHost host, KnownPort port, Severity severity, int portNumber) {
        Row(String site, KnownHost host, KnownPort port, Severity severity) {
            this(site, host, port, severity, port == null ? 0 : number(port.port()));
        }
    }

    /** Most serious first, then by site, address and port number. */
    private static final Comparator<Row> MOST_SERIOUS_FIRST = (a, b) -> {
        int c = a.severity().compareTo(b.severity());
        if (c == 0) {
            c = a.site().compareTo(b.site());
        }
        if (c == 0) {
            c = a.host().address().compareTo(b.host().address());
        }
        return c != 0 ? c : Integer.compare(a.portNumber(), b.portNumber());
    };

    /** The rows of sites, most serious first. */
    static List<Row> rows(List<Memories.Site> sites) {
        List<Row> rows = new ArrayList<>();
        for (Memories.Site site : sites) {
            site.memory().forEachHost(h -> {
                if (!h.answering() || !h.watched()) {
                    return;
                }
                List<KnownPort> open = h.openPorts();
                if (open.isEmpty()) {
                    rows.add(new Row(site.name(), h, null, Severity.INFO));
                }
                for (KnownPort p : open) {
                    rows.add(new Row(site.name(), h, p, site.rules().severityOf(h.identity(), p.port(), p.service())));
                }
            });
        }
        rows.sort(MOST_SERIOUS_FIRST);
        return rows;
    }

    private static int number(String port) {
        return Integer.parseInt(port.substring(0, port.indexOf('/')));
    }

    /** How wide a column may grow before its values are cut (the whole of them is in --csv and --json). */
    private static final int HOST_WIDTH = 48;
    private static final int SERVICE_WIDTH = 20;
    private static final int VERSION_WIDTH = 36;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HistorySource from = HistorySource.of(folder, store, spec.commandLine().getErr())) {
            List<Memories.Site> sites = from.sites(rules);
            List<Row> rows = rows(sites);
            if (format.json) {
                out.print(json(sites, rows));
            } else if (format.csv) {
                out.print(csv(rows));
            } else {
                text(out, sites, rows);
            }
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, List<Memories.Site> sites, List<Row> rows) {
        int host = "HOST".length();
        int service = "SERVICE".length();
        int version = "VERSION".length();
        for (Row r : rows) {
            host = Math.max(host, Math.min(HOST_WIDTH, r.host().where().length()));
            if (r.port() != null) {
                service = Math.max(service, Math.min(SERVICE_WIDTH, text(r.port().service()).length()));
                version = Math.max(version, Math.min(VERSION_WIDTH, text(r.port().version()).length()));
            }
        }
        boolean many = sites.size() > 1;
        int site = "SITE".length();
        for (Memories.Site s : sites) {
            site = Math.max(site, s.name().length());
        }
        StringBuilder line = new StringBuilder(200);
        Map<Instant, String> days = new HashMap<>(); // a few nights' instants, each written thousands of times
        row(line, "SEVERITY", 8, "HOST", host, "PORT", 10, "SERVICE", service, "VERSION", version, "FIRST SEEN");
        out.print(many ? pad("SITE", site) + line : line);
        for (Row r : rows) {
            KnownPort p = r.port();
            row(line, r.severity().id(), 8, TerminalWriter.field(r.host().where()), host, p == null ? "-" : p.port(), 10,
                    p == null ? "" : text(p.service()), service, p == null ? "" : TerminalWriter.field(text(p.version())), version,
                    days.computeIfAbsent(p == null ? r.host().firstSeen() : p.firstSeen(), PointInTime::date));
            out.print(many ? pad(r.site(), site) + line : line);
        }
        long hosts = rows.stream().map(r -> r.site() + "\u0000" + r.host().address()).distinct().count();
        long ports = rows.stream().filter(r -> r.port() != null).count();
        Memories.Site only = sites.size() == 1 ? sites.get(0) : null;
        out.println((many ? count(sites.size(), "site") + ", " : "") + count(hosts, "host") + " answering, " + count(ports, "open port")
                + (only == null || only.memory().throughTime() == null ? "" : ", as of snapshot " + only.memory().through() + " ("
                        + PointInTime.date(only.memory().throughTime()) + ")"));
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length())) + "  ";
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** One line of the table: each value padded to its column, or cut with "..." where it is longer. */
    private static void row(StringBuilder line, Object... cells) {
        line.setLength(0);
        for (int i = 0; i < cells.length; i += 2) {
            String v = String.valueOf(cells[i]);
            if (i + 1 >= cells.length) {
                line.append(v);
                break;
            }
            int width = (Integer) cells[i + 1];
            if (v.length() > width) {
                v = v.substring(0, Math.max(0, width - 3)) + "...";
            }
            line.append(v);
            for (int k = v.length(); k < width; k++) {
                line.append(' ');
            }
            line.append(i == 0 ? "  " : " ");
        }
        line.append('\n');
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(Csv.row("site", "severity", "address", "name", "port", "service", "version", "first_seen",
                "last_seen"));
        for (Row r : rows) {
            KnownPort p = r.port();
            b.append(Csv.row(r.site(), r.severity().id(), r.host().address(), r.host().name(), p == null ? null : p.port(),
                    p == null ? null : p.service(), p == null ? null : p.version(),
                    (p == null ? r.host().firstSeen() : p.firstSeen()).toString(),
                    (p == null ? r.host().lastSeen() : p.lastSeen()).toString()));
        }
        return b.toString();
    }

    private static String json(List<Memories.Site> sites, List<Row> rows) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("format", "nmapdiff-inventory");
        doc.put("version", 1);
        Memories.Site only = sites.size() == 1 ? sites.get(0) : null;
        doc.put("snapshot", only == null ? null : only.memory().through());
        doc.put("asOf", only == null || only.memory().throughTime() == null ? null : only.memory().throughTime().toString());
        ArrayNode hosts = doc.putArray("hosts");
        String last = null;
        ArrayNode ports = null;
        for (Row r : rows.stream().sorted(Comparator.comparing(Row::site).thenComparing((Row x) -> x.host().address())).toList()) {
            String id = r.site() + "\u0000" + r.host().address();
            if (!id.equals(last)) {
                ObjectNode h = hosts.addObject();
                h.put("site", r.site());
                h.put("address", r.host().address());
                h.put("name", r.host().name());
                h.put("firstSeen", r.host().firstSeen().toString());
                h.put("lastSeen", r.host().lastSeen().toString());
                ports = h.putArray("ports");
                last = id;
            }
            if (r.port() != null) {
                ObjectNode p = ports.addObject();
                String[] key = r.port().port().split("/");
                p.put("port", Integer.parseInt(key[0]));
                p.put("protocol", key[1]);
                p.put("service", r.port().service());
                p.put("version", r.port().version());
                p.put("severity", r.severity().id());
                p.put("firstSeen", r.port().firstSeen().toString());
                p.put("lastSeen", r.port().lastSeen().toString());
            }
        }
        return mapper.writeValueAsString(doc) + "\n";
    }
}
