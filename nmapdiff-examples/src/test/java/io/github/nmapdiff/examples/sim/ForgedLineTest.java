package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line feed in a host name from the network cannot forge a line of the job's output. */
class ForgedLineTest {
    @TempDir
    Path dir;

    @Test
    void aLineFeedInAHostNameIsShownEscapedAndForgesNoLine() throws Exception {
        Path nights = Files.createDirectories(dir.resolve("nights"));
        Instant t1 = Instant.parse("2025-06-01T02:00:00Z");
        Instant t2 = Instant.parse("2025-06-02T02:00:00Z");
        String ssh = NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null);
        Files.writeString(nights.resolve("night-1.xml"), NmapXml.night(t1, NmapXml.host(t1, "192.0.2.10", null, "a.example.com", ssh), true));
        String forged = "evil.example.com&#10;nmapdiff: nothing to report&#10;";
        Files.writeString(nights.resolve("night-2.xml"), NmapXml.night(t2, NmapXml.host(t2, "192.0.2.10", null, "a.example.com", ssh)
                + NmapXml.host(t2, "192.0.2.66", null, forged, ssh + NmapXml.port(23, "telnet", null, null, null)), true));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);
        for (int n = 1; n <= 2; n++) {
            Cli.Result run = Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV");
            if (n == 2) {
                assertThat(run.code()).isEqualTo(1);
                assertThat(run.out().lines()).as(run.out()).noneMatch(l -> l.startsWith("nmapdiff: nothing to report"));
                assertThat(run.out()).contains("evil.example.com\\x0anmapdiff: nothing to report\\x0a");
            }
        }
    }
}
