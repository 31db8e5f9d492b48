package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop, through the real command line: off on two complete scans (an off night,
 * an interrupted night, another off night), reported gone; back the next night with 445 open
 * as it always was. The return is reported, and no port of it is "opened".
 */
class ReturningHostTest {
    @TempDir
    Path dir;

    @Test
    void aLaptopBackWithThePortsItAlwaysHadIsReportedBackAndNothingOpened() throws Exception {
        Instant first = Instant.parse("2025-06-01T02:00:00Z");
        String laptop = NmapXml.port(445, "microsoft-ds", null, null, null) + NmapXml.port(135, "msrpc", null, null, null);
        String[] nights = new String[6];
        for (int n = 1; n <= 5; n++) {
            Instant t = first.plus(Duration.ofDays(n - 1));
            String server = NmapXml.host(t, "192.0.2.10", null, "srv.example.com", NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null));
            boolean off = n == 2 || n == 4;
            boolean interrupted = n == 3;
            String host = off ? NmapXml.off(t, "192.0.2.11", "laptop7.example.com")
                    : NmapXml.host(t, "192.0.2.11", null, "laptop7.example.com", laptop);
            nights[n] = NmapXml.night(t, server + (interrupted ? "" : host), !interrupted);
        }
        Path folder = Files.createDirectories(dir.resolve("nights"));
        for (int n = 1; n <= 5; n++) {
            Files.writeString(folder.resolve("night-" + n + ".xml"), nights[n]);
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        ReplayedNmap nmap = ReplayedNmap.in(dir, folder);
        Cli.Result[] runs = new Cli.Result[6];
        for (int n = 1; n <= 5; n++) {
            runs[n] = Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV");
        }
        assertThat(runs[2].code()).as(runs[2].out()).isZero();
        assertThat(runs[3].code()).as("interrupted: " + runs[3].out()).isEqualTo(4);
        assertThat(runs[4].out()).contains("[medium] host gone: laptop7.example.com (192.0.2.11)");
        assertThat(runs[5].code()).isEqualTo(1);
        assertThat(runs[5].out()).contains("[medium] host back: laptop7.example.com (192.0.2.11)").doesNotContain("opened", "[high]");
    }
}
