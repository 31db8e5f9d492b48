package io.github.nmapdiff.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.model.KnownHost;
import io.github.nmapdiff.core.model.KnownPort;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.model.TimelineEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The timeline of hosts and ports from the job's memory, for {@code history --host/--port}. */
final class Timeline {
    private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:/(tcp|udp|sctp|ip))?");

    private Timeline() {
    }

    static int print(NetworkMemory memory, String hostText, String portText, Instant since, Instant until, boolean json,
            PrintWriter out) throws Exception {
        Integer number = null;
        String protocol = null;
        if (portText != null) {
            Matcher m = PORT.matcher(portText.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new NmapDiffException("--port must be a port like 5432 or 5432/tcp, not '" + portText + "'");
            }
            number = Integer.valueOf(m.group(1));
            protocol = m.group(2);
        }
        List<KnownHost> hosts = memory.hosts().stream().filter(h -> hostText == null || h.address().equals(hostText)
                || h.name() != null && h.name().equalsIgnoreCase(hostText)).toList();
        if (hosts.isEmpty()) {
            throw new NmapDiffException("the job has never seen " + hostText + " answer (nmapdiff inventory DIR lists the hosts it knows)");
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("format", "nmapdiff-timeline");
        doc.put("version", 1);
        ArrayNode jsonHosts = doc.putArray("hosts");
        int shown = 0;
        for (KnownHost h : hosts) {
            final Integer n = number;
            final String proto = protocol;
            List<KnownPort> ports = h.ports().stream().filter(p -> matches(p.port(), n, proto)).toList();
            if (portText != null && ports.isEmpty()) {
                continue;
            }
            List<TimelineEvent> events = memory.events(h.address()).stream()
                    .filter(e -> portText == null || e.port() != null && matches(e.port(), n, proto))
                    .filter(e -> (since == null || !e.when().isBefore(since)) && (until == null || !e.when().isAfter(until))).toList();
            shown++;
            if (json) {
                ObjectNode jh = jsonHosts.addObject();
                jh.put("address", h.address());
                jh.put("name", h.name());
                jh.put("firstSeen", h.firstSeen().toString());
                jh.put("lastSeen", h.lastSeen().toString());
                jh.put("answering", h.answering());
                ArrayNode jp = jh.putArray("ports");
                for (KnownPort p : ports) {
                    ObjectNode o = jp.addObject();
                    o.put("port", p.port());
                    o.put("open", p.open());
                    o.put("service", p.service());
                    o.put("version", p.version());
                    o.put("firstSeen", p.firstSeen().toString());
                    o.put("lastSeen", p.lastSeen().toString());
                }
                ArrayNode je = jh.putArray("events");
                for (TimelineEvent e : events) {
                    ObjectNode o = je.addObject();
                    o.put("date", e.when().toString());
                    o.put("kind", e.kind().id());
                    o.put("port", e.port());
                    o.put("service", e.service());
                    o.put("before", e.before());
                    o.put("after", e.after());
                }
                continue;
            }
            out.println(TerminalWriter.field(h.where()) + ": first seen " + PointInTime.date(h.firstSeen()) + ", last seen "
                    + PointInTime.date(h.lastSeen()) + (h.answering() ? "" : " (gone)"));
            for (KnownPort p : ports) {
                out.println("  " + p.port() + " " + (p.service() == null ? "" : p.service() + " ")
                        + (p.version() == null ? "" : TerminalWriter.field(p.version()) + " ")
                        + (p.open() ? "open" : "not open") + ", first seen " + PointInTime.date(p.firstSeen()) + ", last seen "
                        + PointInTime.date(p.lastSeen()));
            }
            for (TimelineEvent e : events) {
                out.println("  " + PointInTime.date(e.when()) + "  " + describe(e));
            }
        }
        if (json) {
            out.print(mapper.writeValueAsString(doc) + "\n");
        } else if (shown == 0) {
            out.println("the job has never seen port " + portText + " open" + (hostText == null ? "" : " on " + hostText));
        }
        out.flush();
        return 0;
    }

    private static boolean matches(String portKey, Integer number, String protocol) {
        if (number == null) {
            return true;
        }
        String[] p = portKey.split("/");
        return Integer.parseInt(p[0]) == number && (protocol == null || protocol.equals(p[1]));
    }

    static String describe(TimelineEvent e) {
        String port = e.port() == null ? "" : e.port() + " ";
        String service = e.service() == null ? "" : e.service() + " ";
        return TerminalWriter.field(switch (e.kind()) {
            case NEW_PORT -> port + service + "opened" + (e.after() == null ? "" : " (" + e.after() + ")");
            case PORT_GONE -> port + service + "closed";
            case VERSION_CHANGED -> port + service + "version " + e.before() + " -> " + e.after();
            case PATCH_UPDATE -> port + service + "patch update " + e.before() + " -> " + e.after();
            case SERVICE_REPLACED -> port + "service " + e.before() + " -> " + e.after();
            case SCRIPT_OUTPUT_CHANGED -> port + service + "output changed";
            case HOST_NEW -> "first answered";
            case HOST_RETURNED -> "answered again";
            case HOST_GONE -> "stopped answering";
            case HOST_RENAMED -> "renamed " + e.before() + " -> " + e.after();
            case EXPECTATION_ENDED -> port + "still open after its accepted-until date";
        });
    }
}
