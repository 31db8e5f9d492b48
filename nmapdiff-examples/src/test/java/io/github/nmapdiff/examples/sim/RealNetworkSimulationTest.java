package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second round of noise ({@link RealNetwork}), through the real command line: hosts that
 * come and go, failed reverse lookups, UDP open|filtered, failing service detection,
 * alternating backends, and a patch update. Every real event is mailed on its night, the
 * nights without one mail nothing and exit 0, no mail names a noise host, and no line is high
 * that is not a real exposure. The figures are printed beside plain ndiff's on the same nights.
 */
class RealNetworkSimulationTest {
    @TempDir
    Path dir;

    @Test
    void aMonthOfWhatRealNetworksDoMailsOnlyTheRealEvents() throws Exception {
        RealNetwork network = new RealNetwork();
        Path nights = Files.createDirectories(dir.resolve("nights"));
        Path script = Files.createDirectories(dir.resolve("nmap-diff.sh-scans"));
        for (int n = 1; n <= RealNetwork.NIGHTS; n++) {
            String xml = network.night(n);
            Files.writeString(nights.resolve("night-" + n + ".xml"), xml);
            if (n <= RealNetwork.IMPORTED) {
                Files.writeString(script.resolve("scan-" + RealNetwork.start(n).toString().substring(0, 16).replace(':', '-') + ".xml"), xml);
            }
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        Path scans = dir.resolve("scans");
        ReplayedNmap nmap = ReplayedNmap.in(dir, nights);
        Cli.Result imported = Cli.run("import", scans.toString(), script.toString(), "-f", ips.toString(), "--nmap-args", "-Pn -sV");
        assertThat(imported.code()).as(imported.err()).isZero();

        Mailbox mailbox = Mailbox.in(dir);
        Map<Integer, List<String>> mailed = new LinkedHashMap<>();
        Set<Integer> eventNights = RealNetwork.EVENTS.stream().map(RealNetwork.Event::reported).collect(Collectors.toCollection(TreeSet::new));
        Map<Integer, String> said = new LinkedHashMap<>();
        for (int n = RealNetwork.IMPORTED + 1; n <= RealNetwork.NIGHTS; n++) {
            Cli.Result run = Cli.run("scan", "-f", ips.toString(), "-o", scans.toString(), "--nmap", nmap.night(n).program(),
                    "--nmap-args", "-Pn -sV", "--email", "secops@example.test", "--sendmail", mailbox.program());
            said.put(n, run.out());
            assertThat(run.code()).as("night %d: the exit code says what the mail says: %s%s", n, run.out(), run.err())
                    .isEqualTo(eventNights.contains(n) ? 1 : 0);
            for (String mail : mailbox.fresh()) {
                mailed.computeIfAbsent(n, k -> new ArrayList<>()).add(mail);
            }
        }

        for (RealNetwork.Event event : RealNetwork.EVENTS) {
            assertThat(mailed.get(event.reported())).as("night %d: %s", event.reported(), event.what()).isNotNull()
                    .anyMatch(body -> body.contains("  " + event.line()));
        }
        assertThat(mailed.keySet()).as("the nights mailed").containsExactlyElementsOf(eventNights);
        int noiseInOurs = 0;
        int falseHigh = 0;
        for (List<String> bodies : mailed.values()) {
            for (String body : bodies) {
                noiseInOurs += mentions(body);
                for (String line : body.split("\n")) {
                    if (line.startsWith("  [high]") && RealNetwork.EVENTS.stream().noneMatch(e -> line.startsWith("  " + e.line()))) {
                        falseHigh++;
                    }
                }
            }
        }
        assertThat(noiseInOurs).as("mentions of hosts whose only changes were noise").isZero();
        assertThat(falseHigh).as("high-severity lines that are no real exposure").isZero();
        // the patch update is one line, and never leads while something more severe is there
        assertThat(mailed.get(12).get(0)).startsWith("nmapdiff: [low] 30 hosts: OpenSSH patch update");
        assertThat(mailed.get(15).get(0)).startsWith("nmapdiff: [medium] 22/tcp ssh version changed on bastion.example.com")
                .contains("  [low] 80/tcp http patch update on web9.example.com (192.0.2.25): nginx 1.22.1 -> nginx 1.22.2");
        // what was held back is named, in the run's words
        String heldBack = String.join("\n", said.values());
        assertThat(heldBack).contains("hosts that come and go not answering", "host names not resolved this time",
                "UDP port", "not identified this time", "showed before (alternating backends)",
                "moved to other addresses (known by their MACs)");

        int ndiffNights = 0;
        int noiseInNdiff = 0;
        for (int n = RealNetwork.IMPORTED + 1; n <= RealNetwork.NIGHTS; n++) {
            Cli.Result diff = Cli.run("diff", nights.resolve("night-" + (n - 1) + ".xml").toString(),
                    nights.resolve("night-" + n + ".xml").toString());
            if (diff.code() == 1) {
                ndiffNights++;
            }
            noiseInNdiff += mentions(diff.out());
        }
        int live = RealNetwork.NIGHTS - RealNetwork.IMPORTED;
        System.out.printf("%n%d nights of %d hosts (45 only noisy: round 2), %d real events:%n", live, 30 + 45 + 8, RealNetwork.EVENTS.size());
        System.out.printf("| | nights mailed | real events reported | mentions of noise-only hosts | high-severity lines not real |%n"
                + "|---|---|---|---|---|%n");
        System.out.printf("| plain ndiff, consecutive scans | %d | (among the noise) | %d | |%n", ndiffNights, noiseInNdiff);
        System.out.printf("| nmapdiff scan, defaults | %d | %d | %d | %d |%n%n", mailed.size(), RealNetwork.EVENTS.size(), noiseInOurs,
                falseHigh);
        assertThat(ndiffNights).as("the simulation is noisy").isGreaterThan(mailed.size());
    }

    private static int mentions(String text) {
        int count = 0;
        for (String noisy : RealNetwork.noiseHosts()) {
            if (text.contains("(" + noisy + ")") || text.contains("(" + noisy + ",") || text.contains(" " + noisy + "\n")
                    || text.contains(noisy + ":")) {
                count++;
            }
        }
        return count;
    }
}
