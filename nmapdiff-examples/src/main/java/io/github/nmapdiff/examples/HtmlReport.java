package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.KnownHost;
import io.github.nmapdiff.core.model.KnownPort;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.render.Html;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report people look at: one self-contained HTML file (no fetch leaves it: a content
 * security policy forbids it, and everything is inline) with the inventory now by severity and
 * a filter box, the findings per night as a chart, per host a timeline of its ports, and what
 * was held back as noise. Made from the job's memory alone.
 *
 * <p>It stays usable at 10,000 hosts and a year of nights: the inventory and the hosts are
 * data in the page, shown a page at a time by a few lines of script; a host's lanes are drawn
 * when it is opened. Everything from the network is escaped, in the HTML and in the data.
 */
final class HtmlReport {
    /** How wide the chart and the lanes are, in SVG units. */
    private static final int WIDTH = 960;
    private static final Map<Severity, String> COLOURS = Map.of(Severity.CRITICAL, "#7b0000", Severity.HIGH, "#c0392b",
            Severity.MEDIUM, "#e67e22", Severity.LOW, "#2e86c1", Severity.INFO, "#7f8c8d");

    private HtmlReport() {
    }

    /**
     * Renders the report.
     *
     * @param memory the job's memory
     * @param title what the report is of (the folder)
     * @param since the first night shown; null for the first the memory has
     * @param until the last night shown; null for the last
     * @return the HTML, never null
     */
    static String render(NetworkMemory memory, String title, Instant since, Instant until) {
        List<Night> nights = memory.nights().stream().filter(n -> (since == null || !n.when().isBefore(since))
                && (until == null || !n.when().isAfter(until))).toList();
        Instant from = nights.isEmpty() ? Instant.EPOCH : nights.get(0).when();
        Instant to = nights.isEmpty() ? Instant.EPOCH : nights.get(nights.size() - 1).when();
        List<KnownHost> hosts = memory.hosts();
        Map<String, List<TimelineEvent>> events = new java.util.HashMap<>();
        memory.store().forEachEvent(e -> events.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.event()));
        List<InventoryCommand.Row> rows = InventoryCommand.rows(memory);

        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';")
                .append(" script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>nmapdiff: ")
                .append(Html.escape(title)).append("</title>\n<style>").append(CSS).append("</style></head>\n<body>\n");

        // the headline: what is exposed now, by severity
        EnumMap<Severity, Integer> exposed = new EnumMap<>(Severity.class);
        rows.stream().filter(r -> r.port() != null).forEach(r -> exposed.merge(r.severity(), 1, Integer::sum));
        long answering = hosts.stream().filter(KnownHost::answering).count();
        int findings = nights.stream().filter(n -> !n.baseline()).mapToInt(Night::findingCount).sum();
        h.append("<header><h1>Network exposure</h1><p class=\"sub\">").append(Html.escape(title)).append(" &middot; as of ")
                .append(PointInTime.date(memory.throughTime())).append(" &middot; ").append(answering).append(" hosts answering &middot; ")
                .append(findings).append(" findings in ").append(nights.size()).append(" scans from ").append(PointInTime.date(from))
                .append(" to ").append(PointInTime.date(to)).append("</p>\n<div class=\"tiles\">");
        for (Severity s : Severity.values()) {
            h.append("<div class=\"tile\" style=\"border-color:").append(COLOURS.get(s)).append("\"><b>")
                    .append(exposed.getOrDefault(s, 0)).append("</b><span>").append(s.id()).append(" open ports</span></div>");
        }
        h.append("</div></header>\n");

        chart(h, nights);

        h.append("<section id=\"inventory\"><h2>Exposed now</h2>\n<input id=\"filter\" type=\"search\" placeholder=\"Filter:"
                + " host, port, service, version, severity\" autocomplete=\"off\">\n<table id=\"inv\"><thead><tr><th>Severity</th>"
                + "<th>Host</th><th>Port</th><th>Service</th><th>Version</th><th>First seen</th></tr></thead><tbody></tbody></table>\n"
                + "<p id=\"invmore\"></p></section>\n");

        h.append("<section id=\"hosts\"><h2>Hosts over time</h2><p class=\"sub\">Each host's ports, open (bar) over the nights"
                + " shown; a dot is a version change. Most changed first; open one to see its lanes.</p>\n<div id=\"hostlist\"></div>"
                + "<p id=\"hostmore\"></p></section>\n");

        noise(h, nights, hosts);

        h.append("<script type=\"application/json\" id=\"data\">");
        data(h, rows, hosts, events, from, to);
        h.append("</script>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** Findings per night, stacked by severity, with what was held back as a line. */
    private static void chart(StringBuilder h, List<Night> nights) {
        int height = 160;
        int max = Math.max(1, nights.stream().mapToInt(n -> n.baseline() ? 0 : n.findingCount()).max().orElse(1));
        int maxHeld = Math.max(1, nights.stream().mapToInt(n -> n.heldBack().total()).max().orElse(1));
        double step = nights.isEmpty() ? WIDTH : (double) WIDTH / nights.size();
        h.append("<section id=\"chart\"><h2>Findings per night</h2>\n<svg viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height + 24).append("\" role=\"img\" aria-label=\"findings per night\">");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < nights.size(); i++) {
            Night n = nights.get(i);
            double x = i * step;
            double y = height;
            if (!n.baseline()) {
                for (Severity s : Severity.values()) {
                    int count = n.findingCounts().getOrDefault(s, 0);
                    if (count > 0) {
                        double bar = (double) count / max * (height - 10);
                        y -= bar;
                        h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s: %d %s</title></rect>", x + 0.5, y, Math.max(1, step - 1), bar, COLOURS.get(s), PointInTime.date(n.when()),
                                count, s.id()));
                    }
                }
            }
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "M" : " L", x + step / 2,
                    height - (double) n.heldBack().total() / maxHeld * (height - 10)));
        }
        h.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#95a5a6\" stroke-dasharray=\"3 2\"/>");
        if (!nights.isEmpty()) {
            h.append("<text x=\"0\" y=\"").append(height + 18).append("\">").append(PointInTime.date(nights.get(0).when())).append("</text>")
                    .append("<text x=\"").append(WIDTH).append("\" y=\"").append(height + 18).append("\" text-anchor=\"end\">")
                    .append(PointInTime.date(nights.get(nights.size() - 1).when())).append("</text>");
        }
        h.append("</svg><p class=\"legend\">");
        for (Severity s : Severity.values()) {
            h.append("<span style=\"background:").append(COLOURS.get(s)).append("\"></span>").append(s.id()).append(' ');
        }
        h.append("<span class=\"dash\"></span>held back as noise (up to ").append(maxHeld).append(" a night)</p></section>\n");
    }

    /** What was held back, by reason, over the nights shown, and the hosts that made the most of it. */
    private static void noise(StringBuilder h, List<Night> nights, List<KnownHost> hosts) {
        EnumMap<HeldBack.Reason, Integer> total = new EnumMap<>(HeldBack.Reason.class);
        nights.forEach(n -> n.heldBack().counts().forEach((r, c) -> total.merge(r, c, Integer::sum)));
        h.append("<section id=\"noise\"><h2>Held back as noise</h2>\n<table><thead><tr><th>Held back</th><th>Why</th></tr></thead>"
                + "<tbody>");
        total.forEach((r, c) -> h.append("<tr><td class=\"num\">").append(c).append("</td><td>").append(Html.escape(r.words()))
                .append("</td></tr>"));
        if (total.isEmpty()) {
            h.append("<tr><td class=\"num\">0</td><td>nothing was held back</td></tr>");
        }
        h.append("</tbody></table>\n<h3>The noisiest hosts, since the job began</h3>\n<table><thead><tr><th>Host</th>"
                + "<th>Held back</th><th>Mostly</th></tr></thead><tbody>");
        hosts.stream().filter(x -> !x.noise().isEmpty())
                .sorted(Comparator.comparingInt((KnownHost x) -> -x.noise().values().stream().mapToInt(Integer::intValue).sum()))
                .limit(20).forEach(x -> {
                    HeldBack.Reason most = x.noise().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                    h.append("<tr><td>").append(Html.escape(x.where())).append("</td><td class=\"num\">")
                            .append(x.noise().values().stream().mapToInt(Integer::intValue).sum()).append("</td><td>")
                            .append(Html.escape(most.words())).append("</td></tr>");
                });
        h.append("</tbody></table></section>\n");
    }

    /** The inventory rows and the hosts' lanes, as JSON for the script; every string escaped for a script element. */
    private static void data(StringBuilder h, List<InventoryCommand.Row> rows, List<KnownHost> hosts,
            Map<String, List<TimelineEvent>> events, Instant from, Instant to) {
        h.append("{\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            InventoryCommand.Row r = rows.get(i);
            KnownPort p = r.port();
            h.append(i == 0 ? "" : ",").append('[').append(str(r.severity().id())).append(',').append(str(r.host().where()))
                    .append(',').append(str(r.host().address())).append(',').append(str(p == null ? "" : p.port())).append(',')
                    .append(str(p == null || p.service() == null ? "" : p.service())).append(',')
                    .append(str(p == null || p.version() == null ? "" : p.version())).append(',')
                    .append(str(PointInTime.date(p == null ? r.host().firstSeen() : p.firstSeen()))).append(']');
        }
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        h.append("],\"from\":").append(str(PointInTime.date(from))).append(",\"to\":").append(str(PointInTime.date(to))).append(",\"hosts\":[");
        List<KnownHost> sorted = new ArrayList<>(hosts);
        sorted.sort(Comparator.comparingInt((KnownHost x) -> -events.getOrDefault(x.address(), List.of()).size())
                .thenComparing(KnownHost::address));
        for (int i = 0; i < sorted.size(); i++) {
            KnownHost x = sorted.get(i);
            List<TimelineEvent> timeline = events.getOrDefault(x.address(), List.of());
            h.append(i == 0 ? "" : ",").append("{\"w\":").append(str(x.where())).append(",\"a\":").append(str(x.address()))
                    .append(",\"n\":").append(timeline.size()).append(",\"g\":").append(x.answering() ? 0 : 1).append(",\"l\":[");
            Map<String, List<double[]>> lanes = lanes(x, timeline, from, to, span);
            int j = 0;
            for (Map.Entry<String, List<double[]>> lane : lanes.entrySet()) {
                h.append(j++ == 0 ? "" : ",").append("[").append(str(lane.getKey())).append(",[");
                int k = 0;
                for (double[] bar : lane.getValue()) {
                    h.append(k++ == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.4f,%.4f]", bar[0], bar[1]));
                }
                h.append("],[");
                k = 0;
                for (TimelineEvent e : timeline) {
                    if (lane.getKey().equals(e.port()) && (e.kind() == Finding.Kind.VERSION_CHANGED
                            || e.kind() == Finding.Kind.SERVICE_REPLACED) && !e.when().isBefore(from) && !e.when().isAfter(to)) {
                        h.append(k++ == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.4f,",
                                (double) (e.when().getEpochSecond() - from.getEpochSecond()) / span))
                                .append(str(PointInTime.date(e.when()) + ": " + Timeline.describe(e))).append(']');
                    }
                }
                h.append("]]");
            }
            h.append("]}");
        }
        h.append("]}");
    }

    /** Per port of a host, the spans (0 to 1 of the period) in which it was open. */
    private static Map<String, List<double[]>> lanes(KnownHost x, List<TimelineEvent> timeline, Instant from, Instant to, long span) {
        Map<String, List<double[]>> lanes = new LinkedHashMap<>();
        Map<String, Instant> openSince = new LinkedHashMap<>();
        for (TimelineEvent e : timeline) {
            switch (e.kind()) {
                case NEW_PORT -> openSince.putIfAbsent(e.port(), e.when());
                case PORT_GONE -> close(lanes, e.port(), openSince.remove(e.port()), e.when(), from, to, span);
                case HOST_GONE -> new ArrayList<>(openSince.keySet())
                        .forEach(p -> close(lanes, p, openSince.remove(p), e.when(), from, to, span));
                default -> {
                }
            }
        }
        openSince.forEach((p, since) -> close(lanes, p, since, to.plusSeconds(1), from, to, span));
        x.ports().forEach(p -> lanes.putIfAbsent(p.port(), new ArrayList<>()));
        return lanes;
    }

    private static void close(Map<String, List<double[]>> lanes, String port, Instant since, Instant until, Instant from, Instant to,
            long span) {
        List<double[]> bars = lanes.computeIfAbsent(port, k -> new ArrayList<>());
        if (since == null || until.isBefore(from) || since.isAfter(to)) {
            return;
        }
        double a = Math.max(0, (double) (since.getEpochSecond() - from.getEpochSecond()) / span);
        double b = Math.min(1, (double) (until.getEpochSecond() - from.getEpochSecond()) / span);
        bars.add(new double[] {a, Math.max(a + 0.002, b)});
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

    private static final String CSS = """
            :root{--bg:#0f1720;--panel:#17212b;--fg:#e6edf3;--muted:#8b98a5;--line:#2a3845}
            *{box-sizing:border-box}body{margin:0;padding:24px 32px;background:var(--bg);color:var(--fg);
            font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
            .sub{color:var(--muted);margin:0 0 12px}
            .tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{background:var(--panel);border-left:6px solid;padding:10px 16px;
            min-width:150px;border-radius:4px}.tile b{display:block;font-size:28px}.tile span{color:var(--muted)}
            section{background:var(--panel);border-radius:6px;padding:4px 18px 14px;margin-top:18px}
            svg{width:100%;height:auto;display:block}svg text{fill:var(--muted);font-size:11px}
            .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px;border-radius:2px}
            .legend .dash{border-top:2px dashed #95a5a6;height:0;width:18px;border-radius:0}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);
            overflow-wrap:anywhere}th{color:var(--muted);font-weight:600}td.num{text-align:right;width:7em}
            .sev{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:700}
            .sev-critical{background:#7b0000}.sev-high{background:#c0392b}.sev-medium{background:#e67e22}
            .sev-low{background:#2e86c1}.sev-info{background:#7f8c8d}
            input[type=search]{width:100%;max-width:520px;padding:8px 10px;margin:4px 0 10px;background:var(--bg);color:var(--fg);
            border:1px solid var(--line);border-radius:4px;font-size:14px}
            button{background:var(--line);color:var(--fg);border:0;padding:6px 12px;border-radius:4px;cursor:pointer}
            details{border-bottom:1px solid var(--line);padding:4px 0}summary{cursor:pointer}summary .n{color:var(--muted)}
            .gone{color:var(--muted);text-decoration:line-through}
            """;

    private static final String SCRIPT = """
            (function(){
            window.onerror=function(m){document.body.setAttribute('data-error',String(m));};
            var d=JSON.parse(document.getElementById('data').textContent);
            function el(t,c,x){var e=document.createElement(t);if(c)e.className=c;if(x!==undefined)e.textContent=x;return e;}
            var PAGE=500,shown=PAGE,q='';
            var body=document.querySelector('#inv tbody'),more=document.getElementById('invmore');
            function match(r){if(!q)return true;for(var i=0;i<r.length;i++){if(r[i].toLowerCase().indexOf(q)>=0)return true;}return false;}
            function inv(){body.textContent='';var n=0,m=0;for(var i=0;i<d.rows.length;i++){var r=d.rows[i];if(!match(r))continue;m++;
            if(n>=shown)continue;n++;var tr=el('tr');var s=el('td');s.appendChild(el('span','sev sev-'+r[0],r[0]));tr.appendChild(s);
            tr.appendChild(el('td',null,r[1]));tr.appendChild(el('td',null,r[3]||'-'));tr.appendChild(el('td',null,r[4]));
            tr.appendChild(el('td',null,r[5]));tr.appendChild(el('td',null,r[6]));body.appendChild(tr);}
            more.textContent='';more.appendChild(document.createTextNode(n+' of '+m+' rows '));
            if(n<m){var b=el('button',null,'show '+Math.min(PAGE,m-n)+' more');b.onclick=function(){shown+=PAGE;inv();};more.appendChild(b);}}
            var HP=100,hshown=HP,list=document.getElementById('hostlist'),hmore=document.getElementById('hostmore');
            var NS='http://www.w3.org/2000/svg';
            function svg(t,a){var e=document.createElementNS(NS,t);for(var k in a)e.setAttribute(k,a[k]);return e;}
            function lanes(h){var W=960,L=22,s=svg('svg',{viewBox:'0 0 '+W+' '+(L*h.l.length+20),'class':'lanes'});
            for(var i=0;i<h.l.length;i++){var lane=h.l[i],y=i*L;var lab=svg('text',{x:0,y:y+15});lab.textContent=lane[0];s.appendChild(lab);
            s.appendChild(svg('rect',{x:90,y:y+6,width:W-90,height:10,fill:'#22303c'}));
            for(var j=0;j<lane[1].length;j++){var a=lane[1][j];s.appendChild(svg('rect',{x:90+a[0]*(W-90),y:y+4,
            width:Math.max(1,(a[1]-a[0])*(W-90)),height:14,rx:3,fill:'#27ae60'}));}
            for(var k=0;k<lane[2].length;k++){var m=lane[2][k];var c=svg('circle',{cx:90+m[0]*(W-90),cy:y+11,r:5,fill:'#f1c40f'});
            var t=svg('title',{});t.textContent=m[1];c.appendChild(t);s.appendChild(c);}}
            var f=svg('text',{x:90,y:L*h.l.length+16});f.textContent=d.from;s.appendChild(f);
            var g=svg('text',{x:W,y:L*h.l.length+16,'text-anchor':'end'});g.textContent=d.to;s.appendChild(g);return s;}
            function hosts(){list.textContent='';var n=0,m=0;for(var i=0;i<d.hosts.length;i++){var h=d.hosts[i];
            if(q&&h.w.toLowerCase().indexOf(q)<0)continue;m++;if(n>=hshown)continue;n++;
            var det=el('details');det.id='host-'+h.a;var sum=el('summary');sum.appendChild(el('span',h.g?'gone':null,h.w));
            sum.appendChild(el('span','n',' \\u00b7 '+h.l.length+(h.l.length===1?' port':' ports')+' \\u00b7 '+h.n+(h.n===1?' event':' events')));det.appendChild(sum);
            (function(det,h){det.addEventListener('toggle',function(){if(det.open&&!det.drawn){det.appendChild(lanes(h));det.drawn=true;}});})(det,h);
            list.appendChild(det);}hmore.textContent='';hmore.appendChild(document.createTextNode(n+' of '+m+' hosts '));
            if(n<m){var b=el('button',null,'show '+Math.min(HP,m-n)+' more');b.onclick=function(){hshown+=HP;hosts();};hmore.appendChild(b);}}
            document.getElementById('filter').addEventListener('input',function(e){q=e.target.value.toLowerCase().trim();shown=PAGE;
            hshown=HP;inv();hosts();});
            inv();hosts();
            var want=decodeURIComponent((location.hash.match(/host=([^&]+)/)||[])[1]||'');
            if(want){q=want.toLowerCase();document.getElementById('filter').value=want;inv();hosts();
            var det=document.getElementById('host-'+want);if(det){det.open=true;det.appendChild(lanes(d.hosts.filter(function(h){return h.a===want;})[0]));det.drawn=true;}}
            document.body.setAttribute('data-ready','yes');
            })();
            """;
}
