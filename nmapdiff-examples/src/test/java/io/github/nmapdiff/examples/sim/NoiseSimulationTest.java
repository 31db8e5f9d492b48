package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job against a simulated month of a noisy network, through the real command line
 * with a stand-in nmap that replays each night's XML: the shell script's first ten nights are
 * imported, then the job runs every night. Every real event must be mailed (exposure on its
 * night, a removal when the second scan confirms it), and no mail may name a host whose only
 * changes were noise. The figures are printed beside what plain ndiff between consecutive
 * scans reports on the same nights.
 */
class NoiseSimulationTest {
    @TempDir
    Path dir;

    @Test
    void aMonthOfNoiseBringsMailOnlyOnTheNightsOfRealEvents() throws Exception {
        Tool.require("ndiff");
        SimulatedNetwork network = new SimulatedNetwork();
        Path nights = Files.createDirectories(dir.resolve("nights"));
        Path script = Files.createDirectories(dir.resolve("nmap-diff.sh-scans"));
        for (int n = 1; n <= SimulatedNetwork.NIGHTS; n++) {
            String xml = network.night(n);
            Files.writeString(nights.resolve("night-" + n + ".xml"), xml);
            if (n <= 10) {
                Files.writeString(script.resolve("scan-" + SimulatedNetwork.start(n).toString().substring(0, 16).replace(':', '-') + ".xml"), xml);
            }
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        Path scans = dir.resolve("scans");
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);

        Cli.Result imported = Cli.run("import", scans.toString(), script.toString(), "-f", ips.toString(), "--nmap-args", "-Pn -sV");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("nmapdiff: 10 scans imported");

        Map<Integer, List<String>> mailed = new LinkedHashMap<>();
        Mailbox mailbox = Mailbox.in(dir);
        Set<Integer> eventNights = new HashSet<>(SimulatedNetwork.EVENTS.stream().map(SimulatedNetwork.Event::reported).toList());
        for (int n = 11; n <= SimulatedNetwork.NIGHTS; n++) {
            Cli.Result run = Cli.run("scan", "-f", ips.toString(), "-o", scans.toString(), "--nmap", nmap.night(n).program(), "--nmap-args", "-Pn -sV",
                    "--email", "secops@example.test", "--sendmail", mailbox.program());
            // the README's table: 1 on a night with something to report (and its mail delivered), 0 on every other
            assertThat(run.code()).as("night %d: %s%s", n, run.out(), run.err()).isEqualTo(eventNights.contains(n) ? 1 : 0);
            for (String mail : mailbox.fresh()) {
                mailed.computeIfAbsent(n, k -> new ArrayList<>()).add(mail);
            }
        }

        // every real event, on its night
        for (SimulatedNetwork.Event event : SimulatedNetwork.EVENTS) {
            assertThat(mailed.get(event.reported())).as("night %d: %s", event.reported(), event.what()).isNotNull()
                    .anyMatch(body -> body.contains("  " + event.line() + " ("));
        }
        // no noise in any mail
        int noiseInOurs = 0;
        for (Map.Entry<Integer, List<String>> night : mailed.entrySet()) {
            for (String body : night.getValue()) {
                for (String noisy : SimulatedNetwork.noiseHosts()) {
                    if (body.contains("(" + noisy + ")") || body.contains(" " + noisy + "\n")) {
                        noiseInOurs++;
                    }
                }
            }
        }
        assertThat(noiseInOurs).as("mentions of hosts whose only changes were noise").isZero();
        assertThat(mailed.keySet()).as("the nights mailed").containsExactlyInAnyOrderElementsOf(
                SimulatedNetwork.EVENTS.stream().map(SimulatedNetwork.Event::reported).toList());
        // the memory started with the imported months
        NetworkMemory memory = NetworkMemory.over(FileSystemSnapshotStore.open(scans).memory().orElseThrow());
        assertThat(memory.firstSeen("192.0.2.28", "8080/tcp")).contains(SimulatedNetwork.start(5));

        // plain ndiff between consecutive scans, on the same nights: its output is what 'nmapdiff diff' prints (byte for
        // byte, tested elsewhere), which also prints it where ndiff 7.93 itself crashes (on changed script output)
        int ndiffNights = 0;
        int ndiffCrashes = 0;
        int noiseInNdiff = 0;
        int eventsInNdiff = 0;
        for (int n = 11; n <= SimulatedNetwork.NIGHTS; n++) {
            String before = nights.resolve("night-" + (n - 1) + ".xml").toString();
            String after = nights.resolve("night-" + n + ".xml").toString();
            if (Tool.ndiff(before, after).exitCode() == 2) {
                ndiffCrashes++;
            }
            Cli.Result diff = Cli.run("diff", before, after);
            if (diff.code() == 1) {
                ndiffNights++;
            }
            for (String noisy : SimulatedNetwork.noiseHosts()) {
                if (diff.out().contains("(" + noisy + ")") || diff.out().contains(noisy + ":")) {
                    noiseInNdiff++;
                }
            }
            int night = n;
            eventsInNdiff += (int) SimulatedNetwork.EVENTS.stream().filter(e -> e.happens() == night).count();
        }
        int found = SimulatedNetwork.EVENTS.size();
        System.out.printf("%n25 nights of 119 hosts (40 only noisy), 8 real events:%n");
        System.out.printf("| | nights mailed | real events reported | mentions of noise-only hosts |%n|---|---|---|---|%n");
        System.out.printf("| plain ndiff, consecutive scans | %d | %d (among the noise) | %d |%n", ndiffNights, eventsInNdiff, noiseInNdiff);
        System.out.printf("| nmapdiff scan, defaults | %d | %d | %d |%n", mailed.size(), found, noiseInOurs);
        System.out.printf("(ndiff 7.93 itself crashed on %d of the %d nights, on changed script output; its text here is"
                + " nmapdiff diff's, which is ndiff's without the crash)%n%n", ndiffCrashes, SimulatedNetwork.NIGHTS - 10);
        assertThat(ndiffNights).as("the simulation is noisy").isGreaterThan(mailed.size());
    }
}
