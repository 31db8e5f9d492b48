package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.testing.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of the simulated month, in a real browser (headless Chromium): it loads
 * without errors, fetches nothing, shows the inventory and a host's timeline, and hostile names
 * and banners from the network stay text. The screenshots are kept in target/ to look at.
 */
class ReportTest {
    @TempDir
    static Path dir;
    static Path report;

    @BeforeAll
    static void aMonthWithAHostileHost() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        for (int n = 1; n <= SimulatedNetwork.NIGHTS; n++) {
            String xml = network.night(n);
            if (n >= 30) { // a host whose name and banner try to become markup and script
                xml = xml.replace("</nmaprun>", "").replace("<runstats>", "<host><status state=\"up\" reason=\"echo-reply\""
                        + " reason_ttl=\"64\"/><address addr=\"192.0.2.66\" addrtype=\"ipv4\"/><hostnames><hostname"
                        + " name=\"&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\" type=\"PTR\"/></hostnames><ports>"
                        + "<port protocol=\"tcp\" portid=\"8081\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>"
                        + "<service name=\"http\" product=\"&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;\""
                        + " method=\"probed\" conf=\"10\"/></port></ports></host>\n<runstats>") + "</nmaprun>\n";
            }
            Files.writeString(old.resolve("night-" + n + ".xml"), xml);
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        Path scans = dir.resolve("scans");
        assertThat(Cli.run("import", scans.toString(), old.toString(), "-f", ips.toString(), "--nmap-args", "-Pn -sV").code()).isZero();
        report = dir.resolve("report.html");
        assertThat(Cli.run("report", scans.toString(), "-o", report.toString()).code()).isZero();
    }

    private static Tool.Result chromium(String... args) {
        Tool.require("chromium");
        List<String> command = new java.util.ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--window-size=1400,1800", "--virtual-time-budget=3000"));
        command.addAll(List.of(args));
        return Tool.run(120, command.toArray(String[]::new));
    }

    @Test
    void theReportLoadsWithoutErrorsAndFetchesNothing() throws Exception {
        String html = Files.readString(report);
        assertThat(html).contains("default-src 'none'").doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(Files.size(report)).isLessThan(2_000_000);

        Tool.Result dom = chromium("--dump-dom", report.toUri().toString());

        assertThat(dom.stdout()).as(dom.stderr()).contains("data-ready=\"yes\"").doesNotContain("data-error=\"");
        assertThat(dom.stdout()).contains("<td>db1.example.com (192.0.2.21)</td><td>5432/tcp</td><td>postgresql</td>")
                .contains("<span class=\"sev sev-high\">high</span>").contains("Findings per night").contains("Held back as noise");
        Path shot = Path.of("target", "report.png").toAbsolutePath();
        chromium("--screenshot=" + shot, report.toUri().toString());
        assertThat(shot).exists();
    }

    /**
     * The URLs a page asked for while it loaded (and its script ran), from Chromium's network
     * log: requests whose network isolation key is the page's file origin, not the browser's own.
     */
    private static List<String> requestsOfThePage(Path page, String fragment) throws Exception {
        Path log = dir.resolve("netlog-" + page.getFileName() + ".json");
        chromium("--log-net-log=" + log, "--dump-dom", page.toUri() + fragment);
        com.fasterxml.jackson.databind.JsonNode netlog = new com.fasterxml.jackson.databind.ObjectMapper().readTree(log.toFile());
        int startJob = netlog.get("constants").get("logEventTypes").get("URL_REQUEST_START_JOB").asInt();
        List<String> urls = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode e : netlog.get("events")) {
            com.fasterxml.jackson.databind.JsonNode p = e.get("params");
            if (e.get("type").asInt() == startJob && p != null && p.has("url") && p.path("network_isolation_key").asText()
                    .startsWith("file://")) {
                urls.add(p.get("url").asText());
            }
        }
        return urls;
    }

    @Test
    void noRequestLeavesTheFile() throws Exception {
        Path leaky = Files.writeString(dir.resolve("leaky.html"),
                "<html><body><img src=\"http://127.0.0.1:9/leak.png\"></body></html>");
        assertThat(requestsOfThePage(leaky, "")).as("the check sees a page's request").containsExactly("http://127.0.0.1:9/leak.png");

        assertThat(requestsOfThePage(report, "#host=192.0.2.27")).as("the report's requests").isEmpty();
    }

    @Test
    void aHostsTimelineIsOneLookAway() {
        Tool.Result dom = chromium("--dump-dom", report.toUri() + "#host=192.0.2.27");

        assertThat(dom.stdout()).as(dom.stderr()).contains("data-ready=\"yes\"").doesNotContain("data-error=\"")
                .contains("<details id=\"host-192.0.2.27\" open=\"\">").contains(">445/tcp</text>").contains(">22/tcp</text>");
        chromium("--screenshot=" + Path.of("target", "report-host.png").toAbsolutePath(), report.toUri() + "#host=192.0.2.24");
    }

    @Test
    void namesAndBannersFromTheNetworkStayText() {
        Tool.Result dom = chromium("--dump-dom", report.toUri() + "#host=192.0.2.66");

        assertThat(dom.stdout()).as(dom.stderr()).contains("data-ready=\"yes\"").doesNotContain("data-pwned=\"")
                .doesNotContain("<img").contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; (192.0.2.66)")
                .contains("&lt;script&gt;document.body.setAttribute");
    }
}
