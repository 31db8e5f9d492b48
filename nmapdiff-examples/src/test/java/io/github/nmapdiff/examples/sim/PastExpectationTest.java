package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An accepted risk written down with its last day already past reminds on its first night, and once (22.7). */
class PastExpectationTest {
    @TempDir
    Path dir;

    @Test
    void anExpectationWrittenAfterItsDayRemindsOnItsFirstNightAndOnlyThen() throws Exception {
        Path nights = Files.createDirectories(dir.resolve("nights"));
        for (int n = 1; n <= 4; n++) {
            Instant t = Instant.parse("2025-06-01T02:00:00Z").plusSeconds(86_400L * n);
            Files.writeString(nights.resolve("night-" + n + ".xml"), NmapXml.night(t, NmapXml.host(t, "192.0.2.15", null, "jump.example.com",
                    NmapXml.port(3389, "ms-wbt-server", null, null, null)), true));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "# nothing accepted yet\n");
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);
        Cli.Result[] runs = new Cli.Result[5];
        for (int n = 1; n <= 4; n++) {
            if (n == 3) { // written on night 3, its last day the night before
                Files.writeString(rules, "expect:\n  - host: 192.0.2.15\n    port: 3389/tcp\n    until: 2025-06-02\n"
                        + "    reason: vendor access, ticket 4711\n");
            }
            runs[n] = Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV", "--rules", rules.toString());
        }
        assertThat(runs[2].code()).as(runs[2].out()).isZero();
        assertThat(runs[3].code()).as(runs[3].out() + runs[3].err()).isEqualTo(1);
        assertThat(runs[3].out()).contains("3389/tcp ms-wbt-server still open on jump.example.com (192.0.2.15), accepted until 2025-06-02");
        assertThat(runs[4].code()).as("reminded once: " + runs[4].out()).isZero();
    }
}
