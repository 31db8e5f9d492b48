package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.examples.NmapDiffCliAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -q} under cron: silent unless there is a finding or an error, so that cron mails only then. */
class QuietTest {
    @TempDir
    Path dir;

    @Test
    void quietPrintsNothingOnANightWithNothingToReportAndTheSummaryOnANightWithFindings() throws Exception {
        Path nights = Files.createDirectories(dir.resolve("nights"));
        for (int n = 1; n <= 3; n++) {
            Instant t = Instant.parse("2025-06-01T02:00:00Z").plusSeconds(86_400L * n);
            Files.writeString(nights.resolve("night-" + n + ".xml"), NmapXml.night(t, NmapXml.host(t, "192.0.2.10", null, "srv.example.com",
                    NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null) + (n == 3 ? NmapXml.port(23, "telnet", null, null, null) : "")), true));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);
        Cli.Result[] runs = new Cli.Result[4];
        for (int n = 1; n <= 3; n++) {
            runs[n] = Cli.run("scan", "-q", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV");
        }
        assertThat(runs[1].code()).isZero();
        assertThat(runs[1].out()).as("the baseline").isEmpty();
        assertThat(runs[2].code()).isZero();
        assertThat(runs[2].out()).as("nothing to report").isEmpty();
        assertThat(runs[3].code()).isEqualTo(1);
        assertThat(runs[3].out()).startsWith("nmapdiff: [high] 23/tcp telnet opened on srv.example.com (192.0.2.10)");
        // nmapdiff's -q, not nmap's inside --nmap-args: the logging is quieted only for the first
        assertThat(NmapDiffCliAccess.quiet("scan", "-q", "-f", "x")).isTrue();
        assertThat(NmapDiffCliAccess.quiet("scan", "--nmap-args", "-q", "-f", "x")).isFalse();
    }
}
