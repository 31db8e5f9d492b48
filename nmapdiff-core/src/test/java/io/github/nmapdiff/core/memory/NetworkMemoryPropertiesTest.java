package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.support.InMemoryMemoryStore;
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

    /**
     * One night: the scan and, per host, whether it answered and which ports were open, open or
     * open|filtered, and open|filtered (on a host that answered).
     */
    private record Night(Scan scan, Set<String> answering, Set<String> open, Set<String> openOrMaybe, Set<String> openFiltered) {
    }

    /** One host's part of a night: its line, and what it says of the host. */
    private record Seen(String spec, boolean answered, Set<String> open, Set<String> maybe, Set<String> openFiltered) {
    }

    private static List<Night> month(long seed) {
        Random random = new Random(seed);
        int nights = 3 + random.nextInt(20);
        List<Night> month = new ArrayList<>();
        Map<String, Seen> before = new HashMap<>();
        for (int n = 1; n <= nights; n++) {
            List<String> specs = new ArrayList<>();
            Set<String> answering = new HashSet<>();
            Set<String> open = new HashSet<>();
            Set<String> maybe = new HashSet<>();
            Set<String> openFiltered = new HashSet<>();
            for (String host : HOSTS) {
                if (random.nextInt(10) == 0) {
                    continue; // not in the scan at all
                }
                // most hosts, most nights, look as they did: the nightly job skips them unread
                Seen seen = before.containsKey(host) && random.nextInt(3) > 0 ? before.get(host) : seen(host, random);
                before.put(host, seen);
                specs.add(seen.spec());
                if (seen.answered()) {
                    answering.add(host);
                    maybe.addAll(seen.maybe()); // open|filtered is evidence of a port only on a host that answered
                    openFiltered.addAll(seen.openFiltered());
                }
                open.addAll(seen.open());
            }
            boolean complete = random.nextInt(7) > 0;
            month.add(new Night(Nights.scan(n, complete, specs.toArray(String[]::new)), answering, open, maybe, openFiltered));
        }
        return month;
    }

    private static Seen seen(String host, Random random) {
        StringBuilder spec = new StringBuilder(host).append(' ').append(NAMES[random.nextInt(NAMES.length)]);
        boolean up = random.nextInt(5) > 0;
        boolean answered = false;
        Set<String> open = new HashSet<>();
        Set<String> maybe = new HashSet<>();
        Set<String> openFiltered = new HashSet<>();
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
                answered = true; // an open|filtered port alone is no answer
            }
            if (state.equals("open")) {
                open.add(host + "|" + port);
            }
            if (!state.equals("closed")) {
                maybe.add(host + "|" + port);
            }
            if (state.equals("open|filtered")) {
                openFiltered.add(host + "|" + port);
            }
        }
        return new Seen(spec.toString(), answered, open, maybe, openFiltered);
    }

    @Test
    void noOpenPortIsEverHiddenAndNoRemovalComesBeforeItsConfirmation() {
        qt().withExamples(400).forAll(longs().all(), integers().between(1, 3)).checkAssert((seed, confirm) -> {
            List<Night> month = month(seed);
            NetworkMemory memory = NetworkMemory.inMemory();
            NoisePolicy policy = NoisePolicy.defaults().confirmAfter(confirm);
            Set<String> told = new HashSet<>();
            // a UDP port that answered open|filtered before (a probe unanswered) is known to be there: open later, it is no news
            Set<String> openFilteredBefore = new HashSet<>();
            // the ports open on a host when it was confirmed gone: when it is back, they are open as before, and the return is told
            Map<String, Set<String>> wentWith = new HashMap<>();
            Map<String, Integer> lastOpen = new HashMap<>();
            Map<String, Integer> lastAnswered = new HashMap<>();
            boolean baselineDone = false;
            for (int n = 0; n < month.size(); n++) {
                Night night = month.get(n);
                Triage triage = memory.absorbAndCommit("s" + n, Nights.indexed(night.scan), night.scan.start(), Nights.SCOPE, policy);
                if (!baselineDone) {
                    // up to the first complete scan, the memory learns: that is the baseline, which reports nothing
                    told.addAll(night.open);
                    baselineDone = night.scan.complete();
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
                            Set<String> with = new HashSet<>();
                            told.removeIf(t -> t.startsWith(f.address() + "|") && with.add(t));
                            wentWith.put(f.address(), with);
                        }
                        case HOST_RETURNED -> told.addAll(wentWith.getOrDefault(f.address(), Set.of()));
                        default -> {
                        }
                    }
                }
                for (String p : night.open) {
                    if (openFilteredBefore.contains(p)) {
                        told.add(p);
                    }
                }
                openFilteredBefore.addAll(night.openFiltered);
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
            InMemoryMemoryStore store = InMemoryMemoryStore.create();
            for (int n = 0; n < month.size(); n++) {
                // a memory over the store each night, as each run opens it
                NetworkMemory.over(store).absorbAndCommit("s" + n, Nights.indexed(month.get(n).scan), month.get(n).scan.start(),
                        Nights.SCOPE, NoisePolicy.defaults());
            }
            NetworkMemory rebuilt = NetworkMemory.inMemory();
            for (int n = 0; n < month.size(); n++) {
                rebuilt.absorbAndCommit("s" + n, Nights.indexed(month.get(n).scan), month.get(n).scan.start(), Nights.SCOPE,
                        NoisePolicy.defaults());
            }

            assertThat(NetworkMemory.over(store).sameAs(rebuilt)).isTrue();
        });
    }

    /**
     * Skipping the hosts a scan lists as the memory last absorbed them changes nothing: the
     * memory is the one that absorbs every host of every scan in full.
     */
    @Test
    void skippingHostsThatDidNotChangeChangesNothing() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            List<Night> month = month(seed);
            NetworkMemory skipping = NetworkMemory.inMemory();
            NetworkMemory full = NetworkMemory.inMemory();
            for (int n = 0; n < month.size(); n++) {
                Scan scan = month.get(n).scan;
                Absorbed absorbed = skipping.absorb("s" + n, Nights.indexed(scan), scan.start(), Nights.SCOPE, NoisePolicy.defaults());
                skipping.commit(absorbed.update(absorbed.triage()));
                Triage a = absorbed.triage();
                SKIPPED.addAndGet(scan.hosts().size() - absorbed.hostsRead());
                Triage b = full.absorbAndCommit("s" + n, Nights.parsed(scan), scan.start(), Nights.SCOPE, NoisePolicy.defaults());
                assertThat(a).as("night %d", n).isEqualTo(b);
            }
            assertThat(withoutDigests(skipping)).isEqualTo(withoutDigests(full));
            assertThat(skipping.hosts()).isEqualTo(full.hosts());
        });
        assertThat(SKIPPED.get()).as("hosts skipped unread over all the months").isPositive();
    }

    private static final java.util.concurrent.atomic.AtomicLong SKIPPED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The records as the memory reads them (a host not written since the last complete scan
     * counts as seen by it), without the digests that only the pass over the bytes gives.
     */
    private static List<HostRecord> withoutDigests(NetworkMemory memory) {
        List<HostRecord> all = new ArrayList<>();
        java.time.Instant lastComplete = memory.head().map(h -> h.lastCompleteAt()).orElse(null);
        memory.store().forEachHost(r -> all.add(HostMemory.of(r, lastComplete).toRecord().toBuilder().observation(null, null).build()));
        return all;
    }
}
