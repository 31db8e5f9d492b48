package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clock that jumps: the memory is neither frozen nor bypassed, and the jump is named in one line (23.11, 23.12). */
class ClockTest {
    @TempDir
    Path dir;

    @Test
    void aScanFromAClockYearsBehindIsComparedAndLearnedAndNamed() throws Exception {
        Path nights = Files.createDirectories(dir.resolve("nights"));
        Instant[] starts = {null, Instant.parse("2025-06-01T02:00:00Z"), Instant.parse("2025-06-02T02:00:00Z"),
            Instant.parse("2016-06-03T02:00:00Z"), Instant.parse("2025-06-04T02:00:00Z"), Instant.parse("2025-06-05T02:00:00Z")};
        for (int n = 1; n <= 5; n++) {
            Instant t = starts[n];
            Files.writeString(nights.resolve("night-" + n + ".xml"), NmapXml.night(t, NmapXml.host(t, "192.0.2.10", null, "srv.example.com",
                    NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null) + (n >= 3 ? NmapXml.port(23, "telnet", null, null, null) : "")), true));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);
        Cli.Result[] runs = new Cli.Result[6];
        for (int n = 1; n <= 5; n++) {
            runs[n] = Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV");
        }
        assertThat(runs[3].out()).contains("[high] 23/tcp telnet opened").contains("(compared with scan-20250602T020000Z.xml)");
        assertThat(runs[3].code()).isEqualTo(1);
        assertThat(runs[3].err()).contains("nmapdiff: warning: this scan started at 2016-06-03T02:00:00Z, before the newest snapshot"
                + " (20250602T020000Z, 2025-06-02T02:00:00Z): this machine's clock went back, or that snapshot was taken while it was"
                + " ahead; check the clock");
        assertThat(runs[4].code()).as("reported once").isZero();
        assertThat(runs[4].out()).contains("nothing to report");
        assertThat(runs[5].code()).isZero();
    }

    @Test
    void aScanTakenWhileTheClockWasAYearAheadDoesNotStayTheNewestAndFreezeTheMemory() throws Exception {
        Path nights = Files.createDirectories(dir.resolve("nights"));
        Instant[] starts = {null, Instant.parse("2025-06-01T02:00:00Z"), Instant.parse("2025-06-02T02:00:00Z"),
            Instant.parse("2027-06-03T02:00:00Z"), Instant.parse("2025-06-04T02:00:00Z"), Instant.parse("2025-06-05T02:00:00Z")};
        for (int n = 1; n <= 5; n++) {
            Instant t = starts[n];
            Files.writeString(nights.resolve("night-" + n + ".xml"), NmapXml.night(t, NmapXml.host(t, "192.0.2.10", null, "srv.example.com",
                    NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null) + (n >= 3 ? NmapXml.port(23, "telnet", null, null, null) : "")), true));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path scans = dir.resolve("scans");
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);
        Cli.Result[] runs = new Cli.Result[6];
        for (int n = 1; n <= 5; n++) {
            runs[n] = Cli.run("scan", "-f", ips.toString(), "-o", scans.toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV");
            if (n == 3) { // the machine's clock was a year ahead: the file was kept then too
                Files.setLastModifiedTime(scans.resolve("scan-20270603T020000Z.xml"),
                        java.nio.file.attribute.FileTime.from(starts[3]));
            }
        }
        assertThat(runs[3].code()).isEqualTo(1);
        assertThat(runs[4].err()).contains("before the newest snapshot (20270603T020000Z");
        assertThat(runs[4].out()).as("compared with the night before, not an older one").contains("nothing to report")
                .contains("(compared with scan-20270603T020000Z.xml)");
        assertThat(runs[4].code()).as(runs[4].out()).isZero();
        assertThat(runs[5].code()).as("the memory is not frozen on the scan from the future: " + runs[5].out()).isZero();
        assertThat(runs[5].out()).contains("(compared with scan-20250604T020000Z.xml)");
    }
}
