package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.KnownHost;
import io.github.nmapdiff.core.model.KnownPort;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.render.Html;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report people look at: one self-contained HTML file (no fetch leaves it: its content
 * security policy forbids any, and allows only its own style and script, by their hashes) with
 * tonight's news first, the findings per night as a chart, what is exposed now by severity (the
 * team's rules applied, as in the mail), the hosts that changed and their ports night by night,
 * and what was held back as noise. Made from the job's memory alone, of one site or of many.
 *
 * <p>It stays a page a browser opens quickly at 100,000 hosts: the inventory shows its most
 * serious rows (the whole of it is {@code nmapdiff inventory --csv}), and the hosts over time are
 * those that changed in the period (every host, when there are few). Everything from the network
 * is escaped, in the HTML and in the data.
 */
final class HtmlReport {
    /** How wide the chart is, in SVG units. */
    private static final int WIDTH = 960;
    /** How many inventory rows the page holds; the rest is left to {@code inventory --csv}. */
    static final int INVENTORY_ROWS = 2000;
    /** How many hosts the page draws over time: every host up to this many, else those that changed, most recent first. */
    static final int HOSTS_DRAWN = 2000;
    private static final Map<Severity, String> COLOURS = Map.of(Severity.CRITICAL, "#7b0000", Severity.HIGH, "#c0392b",
            Severity.MEDIUM, "#e67e22", Severity.LOW, "#2e86c1", Severity.INFO, "#7f8c8d");

    private HtmlReport() {
    }

    /** What the page shows of one site: its nights in the period, the events of its hosts in it. */
    private record SitePeriod(Memories.Site site, List<Night> nights, Map<String, List<TimelineEvent>> events) {
    }

    /** A host the page draws over time, with its events in the period. */
    private record Drawn(String site, KnownHost host, List<TimelineEvent> events, List<Night> nights) {
    }

    /**
     * Renders the report.
     *
     * @param sites the sites, each with its memory and rules
     * @param title what the report is of (the folder, the database)
     * @param since the first night shown; null for the first the memory has
     * @param until the last night shown; null for the last
     * @return the HTML, never null
     */
    static String render(List<Memories.Site> sites, String title, Instant since, Instant until) {
        List<SitePeriod> periods = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (Memories.Site site : sites) {
            List<Night> nights = site.memory().nights().stream().filter(n -> (since == null || !n.when().isBefore(since))
                    && (until == null || !n.when().isAfter(until))).toList();
            Map<String, List<TimelineEvent>> events = new HashMap<>();
            site.memory().store().forEachEvent(e -> {
                Instant when = e.event().when();
                if ((since == null || !when.isBefore(since)) && (until == null || !when.isAfter(until))) {
                    events.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.event());
                }
            });
            periods.add(new SitePeriod(site, nights, events));
            if (!nights.isEmpty()) {
                from = from == null || nights.get(0).when().isBefore(from) ? nights.get(0).when() : from;
                Instant last = nights.get(nights.size() - 1).when();
                to = to == null || last.isAfter(to) ? last : to;
            }
        }

        if (from == null) {
            Instant first = null;
            Instant last = null;
            for (Memories.Site site : sites) {
                for (Night n : site.memory().nights()) {
                    first = first == null || n.when().isBefore(first) ? n.when() : first;
                    last = last == null || n.when().isAfter(last) ? n.when() : last;
                }
            }
            throw new NmapDiffException("no night between " + (since == null ? "the first" : PointInTime.date(since)) + " and "
                    + (until == null ? "the last" : PointInTime.date(until)) + (first == null ? ": there is none yet"
                            : ": the history runs from " + PointInTime.date(first) + " to " + PointInTime.date(last)));
        }

        // one pass over every host: the inventory rows, the noisiest hosts, the hosts to draw
        List<InventoryCommand.Row> rows = InventoryCommand.rows(sites);
        PriorityQueue<Drawn> noisiest = new PriorityQueue<>(Comparator.comparingInt(d -> noise(d.host())));
        List<Drawn> drawn = new ArrayList<>();
        int allHosts = 0;
        for (SitePeriod p : periods) {
            allHosts += p.site().memory().hostCount();
        }
        boolean everyHost = allHosts <= HOSTS_DRAWN;
        for (SitePeriod p : periods) {
            p.site().memory().forEachHost(h -> {
                List<TimelineEvent> events = p.events().getOrDefault(h.address(), List.of());
                Drawn d = new Drawn(p.site().name(), h, events, p.nights());
                if (!h.noise().isEmpty()) {
                    noisiest.add(d);
                    if (noisiest.size() > 20) {
                        noisiest.poll();
                    }
                }
                if (everyHost || !events.isEmpty()) {
                    drawn.add(d);
                }
            });
        }
        drawn.sort(Comparator.comparing((Drawn d) -> d.events().isEmpty() ? Instant.EPOCH : d.events().get(d.events().size() - 1).when())
                .reversed().thenComparing(d -> -d.events().size()).thenComparing(Drawn::site).thenComparing(d -> d.host().address()));
        int changedHosts = (int) drawn.stream().filter(d -> !d.events().isEmpty()).count();
        List<Drawn> shown = drawn.subList(0, Math.min(HOSTS_DRAWN, drawn.size()));

        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '").append(hash(CSS))
                .append("'; script-src '").append(hash(SCRIPT)).append("'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>nmapdiff: ")
                .append(Html.escape(title)).append("</title>\n<style>").append(CSS).append("</style></head>\n<body>\n");

        // the headline: what is exposed now, by severity (the rules applied)
        EnumMap<Severity, Integer> exposed = new EnumMap<>(Severity.class);
        rows.stream().filter(r -> r.port() != null).forEach(r -> exposed.merge(r.severity(), 1, Integer::sum));
        long answering = rows.stream().map(r -> r.site() + "\u0000" + r.host().address()).distinct().count();
        int findings = periods.stream().flatMap(p -> p.nights().stream()).filter(n -> !n.baseline()).mapToInt(Night::findingCount).sum();
        int scans = periods.stream().mapToInt(p -> p.nights().size()).sum();
        h.append("<header><h1>Network exposure</h1><p class=\"sub\">").append(Html.escape(title));
        if (sites.size() > 1) {
            h.append(" &middot; ").append(InventoryCommand.count(sites.size(), "site"));
        }
        h.append(" &middot; as of ").append(PointInTime.date(to)).append(" &middot; ")
                .append(Html.escape(InventoryCommand.count(answering, "host"))).append(" answering &middot; ")
                .append(Html.escape(InventoryCommand.count(findings, "finding"))).append(" reported in ")
                .append(Html.escape(InventoryCommand.count(scans, "scan"))).append(" from ").append(PointInTime.date(from)).append(" to ")
                .append(PointInTime.date(to)).append("</p>\n<div class=\"tiles\">");
        for (Severity s : Severity.values()) {
            h.append("<div class=\"tile tile-").append(s.id()).append("\"><b>").append(exposed.getOrDefault(s, 0)).append("</b><span>")
                    .append(s.id()).append(" open ports</span></div>");
        }
        h.append("</div></header>\n");

        if (sites.size() > 1) {
            h.append("<p class=\"sites\">Site: <select id=\"site\"><option value=\"\">every site</option>");
            sites.forEach(s -> h.append("<option>").append(Html.escape(s.name())).append("</option>"));
            h.append("</select></p>\n");
        }

        latest(h, periods);
        chart(h, periods);

        h.append("<section id=\"inventory\"><h2>Exposed now</h2>\n<input id=\"filter\" type=\"search\" placeholder=\"Filter:"
                + " host, port, service, version, severity\" autocomplete=\"off\">\n<table id=\"inv\"><thead><tr>")
                .append(sites.size() > 1 ? "<th>Site</th>" : "").append("<th>Severity</th><th>Host</th><th>Port</th><th>Service</th>"
                + "<th>Version</th><th>First seen</th></tr></thead><tbody></tbody></table>\n<p id=\"invmore\"></p>");
        if (rows.size() > INVENTORY_ROWS) {
            h.append("<p class=\"sub\">This page holds the ").append(INVENTORY_ROWS).append(" most serious of ").append(rows.size())
                    .append(" rows; <code>nmapdiff inventory --csv</code> gives all of them.</p>");
        }
        h.append("</section>\n");

        h.append("<section id=\"hosts\"><h2>Hosts over time</h2><p class=\"sub\">Each host's ports over the scans shown, one column"
                + " a scan, the newest marked: open (bar); a dot is a version change. ")
                .append(everyHost ? "Most recently changed first"
                        : Html.escape(InventoryCommand.count(changedHosts, "host")) + " changed in the period, most recently first; the other "
                        + Html.escape(InventoryCommand.count(allHosts - changedHosts, "host"))
                        + " did not (<code>nmapdiff history --host ADDR</code> tells any host's)")
                .append(". Open one to see its lanes.</p>\n<div id=\"hostlist\"></div><p id=\"hostmore\"></p></section>\n");

        noise(h, periods, noisiest);

        h.append("<script type=\"application/json\" id=\"data\">");
        data(h, sites.size() > 1, rows.subList(0, Math.min(INVENTORY_ROWS, rows.size())), shown);
        h.append("</script>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static int noise(KnownHost h) {
        return h.noise().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The news of the newest scan of each site, first: what it reported, most severe first. */
    private static void latest(StringBuilder h, List<SitePeriod> periods) {
        h.append("<section id=\"latest\"><h2>The newest scan</h2>\n");
        boolean any = false;
        for (SitePeriod p : periods) {
            if (p.nights().isEmpty()) {
                continue;
            }
            Night last = p.nights().get(p.nights().size() - 1);
            h.append("<p class=\"sub\">").append(periods.size() > 1 ? Html.escape(p.site().name()) + ": " : "")
                    .append(PointInTime.date(last.when())).append(", ").append(last.complete() ? "complete" : "incomplete").append(": ")
                    .append(Html.escape(last.baseline() ? "the baseline, nothing to compare with"
                            : last.findings().isEmpty() ? "nothing to report" : InventoryCommand.count(last.findingCount(), "finding")))
                    .append(last.heldBack().total() > 0 ? "; held back: " + Html.escape(last.heldBack().describe()) : "").append("</p>\n");
            if (!last.findings().isEmpty()) {
                any = true;
                h.append("<table class=\"news\"><thead><tr><th>Severity</th><th>What</th><th>First seen</th><th>Last seen</th></tr></thead>"
                        + "<tbody>");
                for (Finding f : last.findings()) {
                    h.append("<tr><td><span class=\"sev sev-").append(f.severity().id()).append("\">").append(f.severity().id())
                            .append("</span></td><td>").append(Html.escape(f.describe())).append("</td><td>")
                            .append(f.firstSeen() == null ? "" : PointInTime.date(f.firstSeen())).append("</td><td>")
                            .append(f.lastSeen() == null ? "" : PointInTime.date(f.lastSeen())).append("</td></tr>");
                }
                h.append("</tbody></table>\n");
            }
        }
        if (!any) {
            h.append("<p>Nothing new.</p>\n");
        }
        h.append("</section>\n");
    }

    /** Findings per day, stacked by severity, with their counts and an axis; what was held back as a line. */
    private static void chart(StringBuilder h, List<SitePeriod> periods) {
        TreeMap<LocalDate, EnumMap<Severity, Integer>> byDay = new TreeMap<>();
        TreeMap<LocalDate, Integer> heldByDay = new TreeMap<>();
        for (SitePeriod p : periods) {
            for (Night n : p.nights()) {
                LocalDate day = n.when().atOffset(ZoneOffset.UTC).toLocalDate();
                EnumMap<Severity, Integer> counts = byDay.computeIfAbsent(day, d -> new EnumMap<>(Severity.class));
                if (!n.baseline()) {
                    n.findingCounts().forEach((s, c) -> counts.merge(s, c, Integer::sum));
                }
                heldByDay.merge(day, n.heldBack().total(), Integer::sum);
            }
        }
        List<LocalDate> days = new ArrayList<>(byDay.keySet());
        int height = 160;
        int left = 40;
        int top = 18;
        int max = Math.max(1, byDay.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).max().orElse(1));
        int maxHeld = Math.max(1, heldByDay.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        double step = days.isEmpty() ? WIDTH - left : (double) (WIDTH - left) / days.size();
        h.append("<section id=\"chart\"><h2>Findings per night</h2>\n<svg viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height + top + 24).append("\" role=\"img\" aria-label=\"findings per night\">");
        // the axis: 0 and the most findings a night had
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", left, top, left, top + height))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>", left - 4, top + 8, max))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", left - 4, top + height));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            double x = left + i * step;
            double y = top + height;
            int total = 0;
            for (Severity s : Severity.values()) {
                int count = byDay.get(day).getOrDefault(s, 0);
                if (count > 0) {
                    double bar = (double) count / max * (height - 4);
                    y -= bar;
                    total += count;
                    h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar-%s\">"
                            + "<title>%s: %d %s</title></rect>", x + 0.5, y, Math.max(1, step - 1), bar, s.id(), day, count, s.id()));
                }
            }
            if (total > 0 && step >= 9) {
                h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", x + step / 2, y - 3,
                        total));
            }
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "M" : " L", x + step / 2,
                    top + height - (double) heldByDay.get(day) / maxHeld * (height - 4)));
        }
        h.append("<path d=\"").append(line).append("\" class=\"held\"/>");
        if (!days.isEmpty()) {
            h.append("<text x=\"").append(left).append("\" y=\"").append(height + top + 18).append("\">").append(days.get(0)).append("</text>")
                    .append("<text x=\"").append(WIDTH).append("\" y=\"").append(height + top + 18).append("\" text-anchor=\"end\">")
                    .append(days.get(days.size() - 1)).append("</text>");
        }
        h.append("</svg><p class=\"legend\">");
        for (Severity s : Severity.values()) {
            h.append("<span class=\"bar-").append(s.id()).append("\"></span>").append(s.id()).append(' ');
        }
        h.append("<span class=\"dash\"></span>held back as noise (up to ").append(maxHeld).append(" a night)</p></section>\n");
    }

    /** What was held back, by reason, over the nights shown (the rules' among them), and the hosts that made the most of it. */
    private static void noise(StringBuilder h, List<SitePeriod> periods, PriorityQueue<Drawn> noisiest) {
        EnumMap<HeldBack.Reason, Integer> total = new EnumMap<>(HeldBack.Reason.class);
        periods.forEach(p -> p.nights().forEach(n -> n.heldBack().counts().forEach((r, c) -> total.merge(r, c, Integer::sum))));
        h.append("<section id=\"noise\"><h2>Held back as noise</h2>\n<table><thead><tr><th>Held back</th><th>Why</th></tr></thead>"
                + "<tbody>");
        total.forEach((r, c) -> h.append("<tr><td class=\"num\">").append(c).append("</td><td>").append(Html.escape(r.words(c)))
                .append("</td></tr>"));
        if (total.isEmpty()) {
            h.append("<tr><td class=\"num\">0</td><td>nothing was held back</td></tr>");
        }
        h.append("</tbody></table>\n<h3>The noisiest hosts, since the job began</h3>\n<table><thead><tr><th>Host</th>"
                + "<th>Held back</th><th>Mostly</th></tr></thead><tbody>");
        List<Drawn> most = new ArrayList<>(noisiest);
        most.sort(Comparator.comparingInt((Drawn d) -> -noise(d.host())).thenComparing(d -> d.host().address()));
        for (Drawn d : most) {
            HeldBack.Reason mostly = d.host().noise().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            h.append("<tr><td>").append(Html.escape((periods.size() > 1 ? d.site() + ": " : "") + d.host().where()))
                    .append("</td><td class=\"num\">").append(noise(d.host())).append("</td><td>").append(Html.escape(mostly.words()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    /** The inventory rows and the hosts' lanes, as JSON for the script; every string escaped for a script element. */
    private static void data(StringBuilder h, boolean sites, List<InventoryCommand.Row> rows, List<Drawn> hosts) {
        h.append("{\"sites\":").append(sites).append(",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            InventoryCommand.Row r = rows.get(i);
            KnownPort p = r.port();
            h.append(i == 0 ? "" : ",").append('[').append(str(r.severity().id())).append(',').append(str(r.host().where()))
                    .append(',').append(str(r.host().address())).append(',').append(str(p == null ? "" : p.port())).append(',')
                    .append(str(p == null || p.service() == null ? "" : p.service())).append(',')
                    .append(str(p == null || p.version() == null ? "" : p.version())).append(',')
                    .append(str(PointInTime.date(p == null ? r.host().firstSeen() : p.firstSeen()))).append(',').append(str(r.site()))
                    .append(']');
        }
        h.append("],\"hosts\":[");
        for (int i = 0; i < hosts.size(); i++) {
            Drawn d = hosts.get(i);
            KnownHost x = d.host();
            List<Instant> slots = d.nights().stream().map(Night::when).toList();
            h.append(i == 0 ? "" : ",").append("{\"w\":").append(str(x.where())).append(",\"a\":").append(str(x.address()))
                    .append(",\"s\":").append(str(d.site())).append(",\"n\":").append(d.events().size()).append(",\"g\":")
                    .append(x.answering() ? 0 : 1).append(",\"c\":").append(slots.size())
                    .append(",\"f\":").append(str(slots.isEmpty() ? "" : PointInTime.date(slots.get(0))))
                    .append(",\"t\":").append(str(slots.isEmpty() ? "" : PointInTime.date(slots.get(slots.size() - 1)))).append(",\"l\":[");
            int j = 0;
            for (Map.Entry<String, Lane> lane : lanes(x, d.events(), slots).entrySet()) {
                h.append(j++ == 0 ? "" : ",").append('[').append(str(lane.getKey())).append(",[");
                int k = 0;
                for (int[] bar : lane.getValue().bars) {
                    h.append(k++ == 0 ? "" : ",").append('[').append(bar[0]).append(',').append(bar[1]).append(']');
                }
                h.append("],[");
                k = 0;
                for (Object[] mark : lane.getValue().marks) {
                    h.append(k++ == 0 ? "" : ",").append('[').append(mark[0]).append(',').append(str((String) mark[1])).append(']');
                }
                h.append("]]");
            }
            h.append("]}");
        }
        h.append("]}");
    }

    /** One port's lane: the scans (first, past the last) in which it was open, and its version changes. */
    private static final class Lane {
        final List<int[]> bars = new ArrayList<>();
        final List<Object[]> marks = new ArrayList<>();
    }

    /**
     * Per port of a host, the scans in which it was open, one column a scan: a port opened by the
     * newest scan takes its whole column. Events are grouped by port once, so a host with every
     * port open costs what its events do.
     */
    private static Map<String, Lane> lanes(KnownHost x, List<TimelineEvent> events, List<Instant> slots) {
        Map<String, Lane> lanes = new LinkedHashMap<>();
        x.ports().forEach(p -> lanes.put(p.port(), new Lane()));
        Map<String, Integer> openSince = new HashMap<>();
        Set<String> openAtStart = new HashSet<>();
        // a port open before the period (its first event inside it is a closure, or it has none and is open) is open from its start
        Map<String, List<TimelineEvent>> byPort = new HashMap<>();
        List<TimelineEvent> hostEvents = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e.port() != null) {
                byPort.computeIfAbsent(e.port(), k -> new ArrayList<>()).add(e);
            } else {
                hostEvents.add(e);
            }
        }
        for (KnownPort p : x.ports()) {
            List<TimelineEvent> own = byPort.getOrDefault(p.port(), List.of());
            boolean startsOpen = own.isEmpty() ? p.open() && !p.firstSeen().isAfter(slots.isEmpty() ? Instant.MAX : slots.get(0))
                    : own.get(0).kind() == Finding.Kind.PORT_GONE;
            if (startsOpen) {
                openAtStart.add(p.port());
                openSince.put(p.port(), 0);
            }
        }
        List<TimelineEvent> all = new ArrayList<>(events);
        all.sort(Comparator.comparing(TimelineEvent::when));
        List<String> wentWithHost = new ArrayList<>();
        for (TimelineEvent e : all) {
            int slot = slot(slots, e.when());
            switch (e.kind()) {
                case NEW_PORT -> openSince.putIfAbsent(e.port(), slot);
                case PORT_GONE -> close(lanes, e.port(), openSince.remove(e.port()), slot);
                case HOST_GONE -> {
                    wentWithHost.clear();
                    wentWithHost.addAll(openSince.keySet());
                    new ArrayList<>(openSince.keySet()).forEach(p -> close(lanes, p, openSince.remove(p), slot));
                }
                // a host back has the ports it had open when it went open again, as the memory has them
                case HOST_RETURNED -> wentWithHost.forEach(p -> openSince.putIfAbsent(p, slot));
                case VERSION_CHANGED, PATCH_UPDATE, SERVICE_REPLACED -> lanes.computeIfAbsent(e.port(), k -> new Lane()).marks
                        .add(new Object[] {slot, PointInTime.date(e.when()) + ": " + Timeline.describe(e)});
                default -> {
                }
            }
        }
        openSince.forEach((p, from) -> close(lanes, p, from, slots.size()));
        return lanes;
    }

    private static void close(Map<String, Lane> lanes, String port, Integer from, int until) {
        if (from == null) {
            return;
        }
        lanes.computeIfAbsent(port, k -> new Lane()).bars.add(new int[] {from, Math.max(from + 1, until)});
    }

    /** The column of a time: the first scan at or after it. */
    private static int slot(List<Instant> slots, Instant when) {
        int i = Collections.binarySearch(slots, when);
        return Math.min(Math.max(0, i >= 0 ? i : -i - 1), Math.max(0, slots.size() - 1));
    }

    /** A JSON string that is safe inside a script element: no "<", ">" or "&" at all, no line separators. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029' || c == '\'') {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The content security policy's source for an inline element: its SHA-256, in base64. */
    static String hash(String inline) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(inline.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static final String CSS = """
            :root{--bg:#0f1720;--panel:#17212b;--fg:#e6edf3;--muted:#8b98a5;--line:#2a3845}
            *{box-sizing:border-box}body{margin:0;padding:24px 32px;background:var(--bg);color:var(--fg);
            font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
            .sub{color:var(--muted);margin:0 0 12px}code{color:var(--fg)}
            .tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{background:var(--panel);border-left:6px solid;padding:10px 16px;
            min-width:150px;border-radius:4px}.tile b{display:block;font-size:28px}.tile span{color:var(--muted)}
            .tile-critical{border-color:#7b0000}.tile-high{border-color:#c0392b}.tile-medium{border-color:#e67e22}
            .tile-low{border-color:#2e86c1}.tile-info{border-color:#7f8c8d}
            section{background:var(--panel);border-radius:6px;padding:4px 18px 14px;margin-top:18px}
            svg{width:100%;height:auto;display:block}svg text{fill:var(--muted);font-size:11px}
            .axis{stroke:var(--line)}.held{fill:none;stroke:#95a5a6;stroke-dasharray:3 2}
            .bar-critical{fill:#7b0000;background:#7b0000}.bar-high{fill:#c0392b;background:#c0392b}
            .bar-medium{fill:#e67e22;background:#e67e22}.bar-low{fill:#2e86c1;background:#2e86c1}.bar-info{fill:#7f8c8d;background:#7f8c8d}
            .lane{fill:#22303c}.open{fill:#27ae60}.mark{fill:#f1c40f}.newest{fill:#2d4a3e}
            .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px;border-radius:2px}
            .legend .dash{border-top:2px dashed #95a5a6;height:0;width:18px;border-radius:0}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);
            overflow-wrap:anywhere}th{color:var(--muted);font-weight:600}td.num{text-align:right;width:7em}
            .sev{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:700}
            .sev-critical{background:#7b0000}.sev-high{background:#c0392b}.sev-medium{background:#e67e22}
            .sev-low{background:#2e86c1}.sev-info{background:#7f8c8d}
            input[type=search],select{width:100%;max-width:520px;padding:8px 10px;margin:4px 0 10px;background:var(--bg);color:var(--fg);
            border:1px solid var(--line);border-radius:4px;font-size:14px}select{width:auto}
            button{background:var(--line);color:var(--fg);border:0;padding:6px 12px;border-radius:4px;cursor:pointer}
            details{border-bottom:1px solid var(--line);padding:4px 0}summary{cursor:pointer}summary .n{color:var(--muted)}
            .gone{color:var(--muted);text-decoration:line-through}
            """;

    private static final String SCRIPT = """
            (function(){
            window.onerror=function(m){document.body.setAttribute('data-error',String(m));};
            var d=JSON.parse(document.getElementById('data').textContent);
            function el(t,c,x){var e=document.createElement(t);if(c)e.className=c;if(x!==undefined)e.textContent=x;return e;}
            var PAGE=500,shown=PAGE,q='',site='';
            var body=document.querySelector('#inv tbody'),more=document.getElementById('invmore');
            function match(r){if(site&&r[7]!==site)return false;if(!q)return true;
            for(var i=0;i<r.length;i++){if(r[i].toLowerCase().indexOf(q)>=0)return true;}return false;}
            function inv(){body.textContent='';var n=0,m=0;for(var i=0;i<d.rows.length;i++){var r=d.rows[i];if(!match(r))continue;m++;
            if(n>=shown)continue;n++;var tr=el('tr');if(d.sites)tr.appendChild(el('td',null,r[7]));
            var s=el('td');s.appendChild(el('span','sev sev-'+r[0],r[0]));tr.appendChild(s);
            tr.appendChild(el('td',null,r[1]));tr.appendChild(el('td',null,r[3]||'-'));tr.appendChild(el('td',null,r[4]));
            tr.appendChild(el('td',null,r[5]));tr.appendChild(el('td',null,r[6]));body.appendChild(tr);}
            more.textContent='';more.appendChild(document.createTextNode(n+' of '+m+(m===1?' row ':' rows ')));
            if(n<m){var b=el('button',null,'show '+Math.min(PAGE,m-n)+' more');b.onclick=function(){shown+=PAGE;inv();};more.appendChild(b);}}
            var HP=100,hshown=HP,list=document.getElementById('hostlist'),hmore=document.getElementById('hostmore');
            var NS='http://www.w3.org/2000/svg';
            function svg(t,a){var e=document.createElementNS(NS,t);for(var k in a)e.setAttribute(k,a[k]);return e;}
            function lanes(h){var W=960,X=90,L=22,C=Math.max(1,h.c),w=(W-X)/C,s=svg('svg',{viewBox:'0 0 '+W+' '+(L*h.l.length+20),'class':'lanes'});
            s.appendChild(svg('rect',{x:X+(C-1)*w,y:0,width:w,height:L*h.l.length,'class':'newest'}));
            for(var i=0;i<h.l.length;i++){var lane=h.l[i],y=i*L;var lab=svg('text',{x:0,y:y+15});lab.textContent=lane[0];s.appendChild(lab);
            s.appendChild(svg('rect',{x:X,y:y+6,width:W-X,height:10,'class':'lane'}));
            for(var j=0;j<lane[1].length;j++){var a=lane[1][j];s.appendChild(svg('rect',{x:X+a[0]*w,y:y+4,
            width:Math.max(2,(a[1]-a[0])*w-1),height:14,rx:3,'class':'open'}));}
            for(var k=0;k<lane[2].length;k++){var m=lane[2][k];var c=svg('circle',{cx:X+(m[0]+0.5)*w,cy:y+11,r:5,'class':'mark'});
            var t=svg('title',{});t.textContent=m[1];c.appendChild(t);s.appendChild(c);}}
            var f=svg('text',{x:X,y:L*h.l.length+16});f.textContent=h.f;s.appendChild(f);
            var g=svg('text',{x:W,y:L*h.l.length+16,'text-anchor':'end'});g.textContent=h.t+' (newest)';s.appendChild(g);return s;}
            function hosts(){list.textContent='';var n=0,m=0;for(var i=0;i<d.hosts.length;i++){var h=d.hosts[i];
            if(site&&h.s!==site)continue;if(q&&h.w.toLowerCase().indexOf(q)<0)continue;m++;if(n>=hshown)continue;n++;
            var det=el('details');det.id='host-'+h.a;var sum=el('summary');sum.appendChild(el('span',h.g?'gone':null,(d.sites?h.s+': ':'')+h.w));
            sum.appendChild(el('span','n',' \\u00b7 '+h.l.length+(h.l.length===1?' port':' ports')+' \\u00b7 '+h.n+(h.n===1?' event':' events')));det.appendChild(sum);
            (function(det,h){det.addEventListener('toggle',function(){if(det.open&&!det.drawn){det.appendChild(lanes(h));det.drawn=true;}});})(det,h);
            list.appendChild(det);}hmore.textContent='';hmore.appendChild(document.createTextNode(n+' of '+m+(m===1?' host ':' hosts ')));
            if(n<m){var b=el('button',null,'show '+Math.min(HP,m-n)+' more');b.onclick=function(){hshown+=HP;hosts();};hmore.appendChild(b);}}
            document.getElementById('filter').addEventListener('input',function(e){q=e.target.value.toLowerCase().trim();shown=PAGE;
            hshown=HP;inv();hosts();});
            var pick=document.getElementById('site');if(pick){pick.addEventListener('change',function(e){site=e.target.value;shown=PAGE;
            hshown=HP;inv();hosts();});}
            inv();hosts();
            var want=decodeURIComponent((location.hash.match(/host=([^&]+)/)||[])[1]||'');
            if(want){q=want.toLowerCase();document.getElementById('filter').value=want;inv();hosts();
            var det=document.getElementById('host-'+want);if(det){det.open=true;det.appendChild(lanes(d.hosts.filter(function(h){return h.a===want;})[0]));det.drawn=true;}}
            document.body.setAttribute('data-ready','yes');
            })();
            """;
}
