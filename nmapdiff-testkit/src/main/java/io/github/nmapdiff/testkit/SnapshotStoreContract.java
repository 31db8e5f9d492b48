package io.github.nmapdiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SnapshotStore} must do, ours and yours. Subclass it in the store's tests
 * and return a new, empty store from {@link #newStore(Clock)}; it runs on JUnit 5. It makes no
 * assumption about the form of ids, and reads a store the way the monitor does, through
 * {@link Snapshots}. A store that keeps the job's memory ({@link SnapshotStore#memory()}) runs
 * {@link MemoryStoreContract} on it too.
 *
 * <pre>{@code
 * class MyStoreContractTest extends SnapshotStoreContract {
 *     protected SnapshotStore newStore(Clock clock) {
 *         return MyStore.create(clock);
 *     }
 * }
 * }</pre>
 */
public abstract class SnapshotStoreContract {
    /** The start of the first sample scan; the others follow a day apart. */
    protected static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");
    /** The store's "now": after every sample scan. */
    protected static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** Creates the contract. */
    protected SnapshotStoreContract() {
    }

    /**
     * Returns a new, empty store.
     *
     * @param clock the clock the store must use for when it keeps a snapshot ({@link Snapshot#savedAt()})
     * @return the store, never null
     */
    protected abstract SnapshotStore newStore(Clock clock);

    private SnapshotStore newStore() {
        return newStore(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Returns the store opened again, as the next run opens it (a new process); the store
     * itself by default, which is right for a store that keeps nothing beyond the process.
     *
     * @param store a store {@link #newStore(Clock)} made
     * @return the same store's contents, opened again; never null
     */
    protected SnapshotStore reopen(SnapshotStore store) {
        return store;
    }

    /** When a sample scan started: {@link TestScans} gives every scan its start. */
    private static Instant started(Scan scan) {
        return Objects.requireNonNull(scan.start(), "a sample scan has a start");
    }

    /**
     * Keeps a sample scan on day {@code day}.
     *
     * @param store the store
     * @param day 1 for {@link #DAY_1}, 2 for the day after, and so on
     * @param complete whether the scan is complete
     * @param hosts the hosts, as {@link TestScans#scan} takes them; one host with port 22 when none
     * @return what the store said it kept
     */
    protected static Snapshot keep(SnapshotStore store, int day, boolean complete, String... hosts) {
        Scan scan = TestScans.scan(DAY_1.plus(Duration.ofDays(day - 1)), complete,
                hosts.length == 0 ? new String[] {"127.0.0.1:22"} : hosts);
        return store.save(NewSnapshot.of(scan, TestScans.xml(scan), started(scan), Scope.of(List.of("127.0.0.1"), List.of("-sV"))));
    }

    @Test
    void aSavedSnapshotReadsBackExactlyAsItWasSaid() {
        SnapshotStore store = newStore();
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22,80", "127.0.0.2:");
        byte[] xml = TestScans.xml(scan);
        Snapshot first = store.save(NewSnapshot.of(scan, xml, started(scan), Scope.of(List.of("127.0.0.0/30"), List.of("-sV", "-p", "22,80"))));
        Snapshot second = keep(store, 2, true);

        Snapshots snapshots = Snapshots.of(store);
        assertThat(snapshots.list()).extracting(Snapshot::id).containsExactly(first.id(), second.id());
        assertThat(snapshots.read(first.id())).isEqualTo(scan);
        assertThat(snapshots.readXml(first.id())).isEqualTo(xml);
        Snapshot listed = store.get(first.id()).orElseThrow();
        assertThat(listed).isEqualTo(first);
        assertThat(listed.start()).isEqualTo(DAY_1);
        assertThat(listed.savedAt()).as("kept at the store's clock").isEqualTo(NOW);
        assertThat(listed.complete()).isTrue();
        assertThat(listed.targets()).containsExactly("127.0.0.0/30");
        assertThat(listed.arguments()).containsExactly("-sV", "-p", "22,80");
        assertThat(listed.hosts()).isEqualTo(2);
        assertThat(listed.finished()).as("its run has not finished yet").isFalse();
    }

    @Test
    void theBytesAreKeptAsGivenNotAsTheScanWouldBeWritten() throws Exception {
        SnapshotStore store = newStore();
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22");
        byte[] xml = (new String(TestScans.xml(scan), StandardCharsets.UTF_8) + "<!-- nmap's own -->\n")
                .getBytes(StandardCharsets.UTF_8);
        Snapshot kept = store.save(NewSnapshot.of(scan, xml, DAY_1, Scope.of(List.of("127.0.0.1"), List.of())));

        try (InputStream in = store.openXml(kept.id())) {
            assertThat(in.readAllBytes()).isEqualTo(xml);
        }
    }

    @Test
    void snapshotsAreOrderedByWhenTheyWereTakenWhateverTheOrderTheyWereSavedIn() {
        SnapshotStore store = newStore();
        keep(store, 3, true);
        keep(store, 1, true);
        keep(store, 2, true);

        assertThat(Snapshots.of(store).list()).extracting(Snapshot::start)
                .containsExactly(DAY_1, DAY_1.plus(Duration.ofDays(1)), DAY_1.plus(Duration.ofDays(2)));
        assertThat(Snapshots.of(store).latest()).map(Snapshot::start).contains(DAY_1.plus(Duration.ofDays(2)));
    }

    @Test
    void twoScansThatStartedAtTheSameInstantAreBothKeptInTheOrderSaved() {
        SnapshotStore store = newStore();
        Snapshot a = keep(store, 1, true, "127.0.0.1:22");
        Snapshot b = keep(store, 1, true, "127.0.0.1:80");

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(Snapshots.of(store).list()).extracting(Snapshot::id).containsExactly(a.id(), b.id());
        assertThat(Snapshots.of(store).read(b.id()).hosts().get(0).ports().get(0).number()).isEqualTo(80);
    }

    @Test
    void incompleteSnapshotsAreKeptAndMarked() {
        SnapshotStore store = newStore();
        Snapshot s = keep(store, 1, false);

        assertThat(store.get(s.id()).orElseThrow().complete()).isFalse();
        assertThat(Snapshots.of(store).read(s.id()).complete()).isFalse();
    }

    @Test
    void everythingARunFoundIsRecorded() {
        SnapshotStore store = newStore();
        Snapshot base = keep(store, 1, true);
        Snapshot next = keep(store, 2, true);

        Snapshot outcome = next.withRun(3, "1 host changed: 3 ports opened", base.id(), List.of("mail"));
        store.update(outcome);

        Snapshot listed = store.get(next.id()).orElseThrow();
        assertThat(listed).isEqualTo(outcome);
        assertThat(listed.changes()).isEqualTo(3);
        assertThat(listed.summary()).isEqualTo("1 host changed: 3 ports opened");
        assertThat(listed.baselineId()).isEqualTo(base.id());
        assertThat(listed.finished()).isTrue();
        assertThat(listed.unnotified()).containsExactly("mail");
        assertThat(listed.savedAt()).isEqualTo(next.savedAt());

        store.update(listed.withRun(3, listed.summary(), base.id(), List.of()));
        assertThat(store.get(next.id()).orElseThrow().unnotified()).isEmpty();
    }

    @Test
    void aDeletedSnapshotIsGoneAndReadingItFails() {
        SnapshotStore store = newStore();
        Snapshot gone = keep(store, 1, true);
        Snapshot stays = keep(store, 2, true);

        store.delete(gone.id());
        store.delete(gone.id());

        assertThat(store.list()).extracting(Snapshot::id).containsExactly(stays.id());
        assertThat(store.get(gone.id())).isEmpty();
        assertThatThrownBy(() -> store.openXml(gone.id())).isInstanceOf(NmapDiffException.class);
        assertThatThrownBy(() -> Snapshots.of(store).read(gone.id())).isInstanceOf(NmapDiffException.class);
        assertThatThrownBy(() -> store.update(gone)).isInstanceOf(NmapDiffException.class);
    }

    @Test
    void retentionKeepsTheLastNAndTheNewestComplete() {
        SnapshotStore store = newStore();
        Snapshot baseline = keep(store, 1, true);
        keep(store, 2, false);
        Snapshot last = keep(store, 3, false);

        List<String> removed = Snapshots.of(store).applyRetention(RetentionPolicy.keepLast(1), NOW);

        assertThat(store.list()).extracting(Snapshot::id).containsExactlyInAnyOrder(baseline.id(), last.id());
        assertThat(removed).hasSize(1);
    }

    @Test
    void retentionByAgeKeepsTheYoungOnes() {
        SnapshotStore store = newStore();
        for (int day = 1; day <= 5; day++) {
            keep(store, day, true);
        }
        Duration age = Duration.between(DAY_1.plus(Duration.ofDays(2)), NOW).plusHours(1);

        Snapshots.of(store).applyRetention(RetentionPolicy.maxAge(age), NOW);

        assertThat(store.list()).extracting(Snapshot::start).allMatch(start -> !start.isBefore(DAY_1.plus(Duration.ofDays(2))));
        assertThat(store.list()).hasSize(3);
    }

    @Test
    void theMemoryOfTheNetworkIfTheStoreKeepsOneOutlivesRetention() {
        SnapshotStore store = newStore();
        Optional<MemoryStore> memory = store.memory();
        if (memory.isEmpty()) {
            return; // a store that keeps none: the monitor learns the memory from its snapshots on every run
        }
        Snapshot kept = keep(store, 1, true);
        keep(store, 2, true);
        MemoryUpdate night = MemoryStoreContract.update(1, List.of(MemoryStoreContract.fullRecord("127.0.0.1", 1)), List.of());
        memory.get().commit(night.recording(kept.withRun(0, "nothing to report", null, List.of())));

        Snapshots.of(store).applyRetention(RetentionPolicy.keepLast(1), NOW);

        assertThat(store.memory().orElseThrow().head()).as("retention leaves it").contains(night.head());
        assertThat(Snapshots.of(store).list()).as("the memory is no snapshot").hasSize(1);
    }

    @Test
    void aLocalFileHoldsTheBytesSavedWhenTheStoreHasOne() throws Exception {
        SnapshotStore store = newStore();
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22");
        byte[] xml = TestScans.xml(scan);
        Snapshot kept = store.save(NewSnapshot.of(scan, xml, DAY_1, Scope.of(List.of("127.0.0.1"), List.of())));

        Optional<Path> file = store.localFile(kept.id());

        if (file.isPresent()) {
            assertThat(Files.readAllBytes(file.get())).isEqualTo(xml);
        }
    }

    @Test
    void theLockKeepsASecondRunOutUntilItIsReleased() throws Exception {
        SnapshotStore store = newStore();
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            Throwable failure = CompletableFuture.supplyAsync(() -> {
                try (StoreLock other = store.lock(Duration.ofMillis(300))) {
                    return (Throwable) null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).get(10, TimeUnit.SECONDS);
            assertThat(failure).as("a second run while the first holds the lock").isInstanceOf(StoreLockedException.class);
        }
        CompletableFuture<Boolean> waiting;
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            waiting = CompletableFuture.supplyAsync(() -> {
                try (StoreLock other = store.lock(Duration.ofSeconds(10))) {
                    return true;
                }
            });
            Thread.sleep(200);
            assertThat(waiting).as("waits while the lock is held").isNotDone();
        }
        assertThat(waiting.get(10, TimeUnit.SECONDS)).as("gets it once released").isTrue();
    }

    private static final String[] KEPT_HOSTS = {"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"};
    private static final String[] KEPT_PORTS = {"22", "80", "443", "5432"};

    /**
     * The memory the store keeps night by night, through the monitor, is the memory learned
     * again from the snapshots it holds: over random months of hosts and ports that come and
     * go, complete and incomplete scans, each month in a store of its own, read back opened
     * again. A store that keeps no memory has nothing to compare.
     */
    @Test
    void theMemoryKeptNightByNightIsTheMemoryLearnedFromItsSnapshots() {
        for (long seed = 1; seed <= 12; seed++) {
            SnapshotStore store = newStore(Clock.systemUTC());
            if (store.memory().isEmpty()) {
                return;
            }
            Random random = new Random(seed);
            ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
            List<String> last = new ArrayList<>();
            int nights = 2 + random.nextInt(10);
            for (int n = 0; n < nights; n++) {
                List<String> hosts = new ArrayList<>();
                for (int h = 0; h < KEPT_HOSTS.length; h++) {
                    if (random.nextInt(8) == 0) {
                        continue;
                    }
                    if (n > 0 && h < last.size() && random.nextInt(3) > 0 && last.get(h) != null) {
                        hosts.add(last.get(h));
                        continue;
                    }
                    List<String> open = new ArrayList<>();
                    for (String p : KEPT_PORTS) {
                        if (random.nextInt(3) > 0) {
                            open.add(p);
                        }
                    }
                    hosts.add(KEPT_HOSTS[h] + ":" + String.join(",", open));
                }
                last = hosts;
                engine.then(TestScans.scan(DAY_1.plus(Duration.ofDays(n)), random.nextInt(6) > 0, hosts.toArray(String[]::new)));
            }
            Monitor monitor = Monitor.builder().engine(engine).store(store).targets(List.of("127.0.0.0/29")).build();
            while (engine.remaining() > 0) {
                monitor.run();
            }

            SnapshotStore again = reopen(store);
            NetworkMemory learned = NetworkMemory.inMemory();
            Snapshots snapshots = Snapshots.of(again);
            assertThat(snapshots.learn(learned, snapshots.list(), NoisePolicy.defaults())).as("every snapshot reads").isEmpty();
            NetworkMemory kept = NetworkMemory.over(again.memory().orElseThrow());
            if (!kept.sameAs(learned)) {
                List<Object> a = new ArrayList<>();
                List<Object> b = new ArrayList<>();
                again.memory().orElseThrow().forEachHost(a::add);
                learned.store().forEachHost(b::add);
                assertThat(kept.head()).as("head of month %d", seed).isEqualTo(learned.head());
                assertThat(a).as("hosts of month %d", seed).isEqualTo(b);
                assertThat(kept.nights()).as("nights of month %d", seed).isEqualTo(learned.nights());
                List<Object> ea = new ArrayList<>();
                List<Object> eb = new ArrayList<>();
                again.memory().orElseThrow().forEachEvent(ea::add);
                learned.store().forEachEvent(eb::add);
                assertThat(ea).as("timeline of month %d", seed).isEqualTo(eb);
            }
        }
    }
}
