package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.nmapdiff.core.model.Scan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The promises of the memory, over random months of a small noisy network: hosts that go off
 * and on, names that come and go, ports that flap, UDP open|filtered, incomplete scans.
 */
class NetworkMemoryPropertiesTest {
    private static final String[] HOSTS = {"192.0.2.1", "192.0.2.2", "192.0.2.3", "2001:db8::4"};
    private static final String[] PORTS = {"22/tcp", "5432/tcp", "3389/tcp", "53/udp"};
    private static final String[] NAMES = {"-", "a.example.com", "b.example.com"};

    /** One night: the scan and, per host, whether it answered and which ports were open or open|filtered. */
    private record Night(Scan scan, Set<String> answering, Set<String> open, Set<String> openOrMaybe) {
    }

    private static List<Night> month(long seed) {
        Random random = new Random(seed);
        int nights = 3 + random.nextInt(20);
        List<Night> month = new ArrayList<>();
        for (int n = 1; n <= nights; n++) {
            List<String> specs = new ArrayList<>();
            Set<String> answering = new HashSet<>();
            Set<String> open = new HashSet<>();
            Set<String> maybe = new HashSet<>();
            for (String host : HOSTS) {
                if (random.nextInt(10) == 0) {
                    continue; // not in the scan at all
                }
                StringBuilder spec = new StringBuilder(host).append(' ').append(NAMES[random.nextInt(NAMES.length)]);
                boolean up = random.nextInt(5) > 0;
                for (String port : PORTS) {
                    if (!up) {
                        continue;
                    }
                    int roll = random.nextInt(6);
                    String state = roll < 3 ? "open" : roll < 4 ? "closed" : roll < 5 && port.endsWith("udp") ? "open|filtered" : null;
                    if (state == null) {
                        continue;
                    }
                    spec.append(' ').append(port).append(':').append(state).append(":svc").append(port.charAt(0));
                    if (!state.equals("open|filtered")) {
                        answering.add(host); // an open|filtered port alone is no answer
                    }
                    if (state.equals("open")) {
                        open.add(host + "|" + port);
                    }
                    if (!state.equals("closed")) {
                        maybe.add(host + "|" + port);
                    }
                }
                specs.add(spec.toString());
            }
            // open|filtered is evidence of a port only on a host that answered (a host with nothing else did not)
            maybe.removeIf(p -> !answering.contains(p.substring(0, p.indexOf('|'))));
            boolean complete = random.nextInt(7) > 0;
            month.add(new Night(Nights.scan(n, complete, specs.toArray(String[]::new)), answering, open, maybe));
        }
        return month;
    }

    @Test
    void noOpenPortIsEverHiddenAndNoRemovalComesBeforeItsConfirmation() {
        qt().withExamples(400).forAll(longs().all(), integers().between(1, 3)).checkAssert((seed, confirm) -> {
            List<Night> month = month(seed);
            NetworkMemory memory = NetworkMemory.empty(List.of("192.0.2.0/29"), List.of("-Pn"));
            NoisePolicy policy = NoisePolicy.defaults().confirmAfter(confirm);
            Set<String> told = new HashSet<>();
            Map<String, Integer> lastOpen = new HashMap<>();
            Map<String, Integer> lastAnswered = new HashMap<>();
            for (int n = 0; n < month.size(); n++) {
                Night night = month.get(n);
                Triage triage = memory.absorb("s" + n, night.scan, night.scan.start(), policy, n == 0);
                if (n == 0) {
                    told.addAll(night.open);
                }
                for (String p : night.openOrMaybe) {
                    lastOpen.put(p, n);
                }
                for (String h : night.answering) {
                    lastAnswered.put(h, n);
                }
                for (Finding f : triage.findings()) {
                    String key = f.address() + "|" + f.port();
                    switch (f.kind()) {
                        case NEW_PORT -> told.add(key);
                        case PORT_GONE -> {
                            assertThat(completeNightsAfter(month, lastOpen.getOrDefault(key, -1), n))
                                    .as("night %d: %s confirmed by complete scans", n, f).isGreaterThanOrEqualTo(confirm);
                            told.remove(key);
                        }
                        case HOST_GONE -> {
                            assertThat(completeNightsAfter(month, lastAnswered.getOrDefault(f.address(), -1), n))
                                    .as("night %d: %s confirmed by complete scans", n, f).isGreaterThanOrEqualTo(confirm);
                            told.removeIf(t -> t.startsWith(f.address() + "|"));
                        }
                        default -> {
                        }
                    }
                }
                assertThat(told).as("night %d: every open port has been reported", n).containsAll(night.open);
            }
        });
    }

    private static int completeNightsAfter(List<Night> month, int last, int now) {
        int count = 0;
        for (int n = last + 1; n <= now; n++) {
            if (month.get(n).scan.complete()) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aMemoryKeptNightByNightIsTheMemoryRebuiltFromTheScans() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            List<Night> month = month(seed);
            NetworkMemory kept = NetworkMemory.empty(List.of("192.0.2.0/29"), List.of("-Pn"));
            for (int n = 0; n < month.size(); n++) {
                kept.absorb("s" + n, month.get(n).scan, month.get(n).scan.start(), NoisePolicy.defaults(), n == 0);
                kept = NetworkMemory.parse(kept.toBytes()); // as the store keeps it between runs
            }
            NetworkMemory rebuilt = NetworkMemory.empty(List.of("192.0.2.0/29"), List.of("-Pn"));
            for (int n = 0; n < month.size(); n++) {
                rebuilt.absorb("s" + n, month.get(n).scan, month.get(n).scan.start(), NoisePolicy.defaults(), true);
            }

            assertThat(new String(kept.toBytes())).isEqualTo(new String(rebuilt.toBytes()));
        });
    }
}
