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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmapdiff inventory DIR}: what is exposed now, from the job's memory. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = {"Lists what is exposed now, most serious first, with when each port was first seen.",
            "Every answering host and open port, with its service, version and severity; from the job's memory."})
final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the snapshot folder")
    Path folder;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "a JSON document (format nmapdiff-inventory, version 1)")
        boolean json;

        @Option(names = "--csv", description = "comma-separated values, one row per open port, for spreadsheets")
        boolean csv;
    }

    /** One row: a host and one of its open ports (or none). */
    record Row(KnownHost host, KnownPort port) {
        Severity severity() {
            return port == null ? Severity.INFO : port.severity();
        }
    }

    static List<Row> rows(NetworkMemory memory) {
        List<Row> rows = new ArrayList<>();
        for (KnownHost h : memory.hosts()) {
            if (!h.answering()) {
                continue;
            }
            List<KnownPort> open = h.openPorts();
            if (open.isEmpty()) {
                rows.add(new Row(h, null));
            }
            open.forEach(p -> rows.add(new Row(h, p)));
        }
        rows.sort(Comparator.comparing(Row::severity).thenComparing(r -> r.host().address())
                .thenComparing(r -> r.port() == null ? 0 : Integer.parseInt(r.port().port().split("/")[0])));
        return rows;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NetworkMemory memory = Memories.of(folder, spec.commandLine().getErr());
        List<Row> rows = rows(memory);
        if (format.json) {
            out.print(json(memory, rows));
        } else if (format.csv) {
            out.print(csv(rows));
        } else {
            out.printf("%-8s  %-42s %-10s %-16s %-28s %s%n", "SEVERITY", "HOST", "PORT", "SERVICE", "VERSION", "FIRST SEEN");
            for (Row r : rows) {
                out.printf("%-8s  %-42s %-10s %-16s %-28s %s%n", r.severity().id(), TerminalWriter.escape(r.host().where()),
                        r.port() == null ? "-" : r.port().port(), r.port() == null ? "" : text(r.port().service()),
                        r.port() == null ? "" : TerminalWriter.escape(text(r.port().version())),
                        PointInTime.date(r.port() == null ? r.host().firstSeen() : r.port().firstSeen()));
            }
            long hosts = rows.stream().map(r -> r.host().address()).distinct().count();
            long ports = rows.stream().filter(r -> r.port() != null).count();
            out.println(hosts + (hosts == 1 ? " host" : " hosts") + " answering, " + ports + (ports == 1 ? " open port" : " open ports")
                    + (memory.throughTime() == null ? "" : ", as of snapshot " + memory.through() + " ("
                            + PointInTime.date(memory.throughTime()) + ")"));
        }
        out.flush();
        return 0;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(Csv.row("severity", "address", "name", "port", "service", "version", "first_seen",
                "last_seen"));
        for (Row r : rows) {
            KnownPort p = r.port();
            b.append(Csv.row(r.severity().id(), r.host().address(), r.host().name(), p == null ? null : p.port(),
                    p == null ? null : p.service(), p == null ? null : p.version(),
                    (p == null ? r.host().firstSeen() : p.firstSeen()).toString(),
                    (p == null ? r.host().lastSeen() : p.lastSeen()).toString()));
        }
        return b.toString();
    }

    private static String json(NetworkMemory memory, List<Row> rows) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("format", "nmapdiff-inventory");
        doc.put("version", 1);
        doc.put("snapshot", memory.through());
        doc.put("asOf", memory.throughTime() == null ? null : memory.throughTime().toString());
        ArrayNode hosts = doc.putArray("hosts");
        String last = null;
        ArrayNode ports = null;
        for (Row r : rows.stream().sorted(Comparator.comparing((Row x) -> x.host().address())).toList()) {
            if (!r.host().address().equals(last)) {
                ObjectNode h = hosts.addObject();
                h.put("address", r.host().address());
                h.put("name", r.host().name());
                h.put("firstSeen", r.host().firstSeen().toString());
                h.put("lastSeen", r.host().lastSeen().toString());
                ports = h.putArray("ports");
                last = r.host().address();
            }
            if (r.port() != null) {
                ObjectNode p = ports.addObject();
                String[] key = r.port().port().split("/");
                p.put("port", Integer.parseInt(key[0]));
                p.put("protocol", key[1]);
                p.put("service", r.port().service());
                p.put("version", r.port().version());
                p.put("severity", r.port().severity().id());
                p.put("firstSeen", r.port().firstSeen().toString());
                p.put("lastSeen", r.port().lastSeen().toString());
            }
        }
        return mapper.writeValueAsString(doc) + "\n";
    }
}
