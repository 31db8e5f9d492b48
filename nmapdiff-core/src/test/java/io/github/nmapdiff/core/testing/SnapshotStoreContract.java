package io.github.nmapdiff.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SnapshotStore} must do, ours and third parties'. Subclass it in the
 * store's tests (it ships in {@code nmapdiff-core}'s test-jar) and return a new, empty store
 * from {@link #newStore()}.
 */
public abstract class SnapshotStoreContract {
    /** The start of the first sample scan; the others follow a day apart. */
    protected static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    /** Returns a new, empty store. */
    protected abstract SnapshotStore newStore();

    /** Returns the clock's "now" the store uses for retention ages; stores without one use the real time. */
    protected Instant now() {
        return Instant.now();
    }

    /** Keeps a sample scan of one host on day {@code day}. */
    protected static Snapshot keep(SnapshotStore store, int day, boolean complete, String... hosts) {
        Scan scan = SampleScans.scan(DAY_1.plus(Duration.ofDays(day - 1)), complete, hosts.length == 0 ? new String[] {"127.0.0.1:22"} : hosts);
        return store.save(new NewSnapshot(scan, SampleScans.xml(scan), scan.start(), List.of("127.0.0.1"), List.of("-sV")));
    }

    @Test
    void savedSnapshotsListOldestFirstAndReadBackExactly() {
        SnapshotStore store = newStore();
        Scan scan = SampleScans.scan(DAY_1, true, "127.0.0.1:22,80", "127.0.0.2:");
        byte[] xml = SampleScans.xml(scan);
        Snapshot first = store.save(new NewSnapshot(scan, xml, scan.start(), List.of("127.0.0.0/30"), List.of("-sV", "-p", "22,80")));
        Snapshot second = keep(store, 2, true);

        assertThat(store.list()).extracting(Snapshot::id).containsExactly(first.id(), second.id());
        assertThat(store.latest()).contains(store.list().get(1));
        assertThat(store.read(first.id())).isEqualTo(scan);
        assertThat(store.readXml(first.id())).isEqualTo(xml);
        Snapshot listed = store.get(first.id()).orElseThrow();
        assertThat(listed.start()).isEqualTo(DAY_1);
        assertThat(listed.complete()).isTrue();
        assertThat(listed.targets()).containsExactly("127.0.0.0/30");
        assertThat(listed.arguments()).containsExactly("-sV", "-p", "22,80");
        assertThat(listed.hosts()).isEqualTo(2);
    }

    @Test
    void snapshotsSortByStartTimeWhateverTheOrderTheyWereSavedIn() {
        SnapshotStore store = newStore();
        keep(store, 3, true);
        keep(store, 1, true);
        keep(store, 2, true);

        assertThat(store.list()).extracting(Snapshot::start)
                .containsExactly(DAY_1, DAY_1.plus(Duration.ofDays(1)), DAY_1.plus(Duration.ofDays(2)));
    }

    @Test
    void twoScansThatStartedInTheSameSecondAreBothKept() {
        SnapshotStore store = newStore();
        Snapshot a = keep(store, 1, true, "127.0.0.1:22");
        Snapshot b = keep(store, 1, true, "127.0.0.1:80");

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(store.list()).extracting(Snapshot::id).containsExactly(a.id(), b.id());
    }

    @Test
    void incompleteSnapshotsAreKeptAndMarked() {
        SnapshotStore store = newStore();
        Snapshot s = keep(store, 1, false);

        assertThat(store.get(s.id()).orElseThrow().complete()).isFalse();
        assertThat(store.read(s.id()).complete()).isFalse();
    }

    @Test
    void theOutcomeOfARunIsRecorded() {
        SnapshotStore store = newStore();
        Snapshot base = keep(store, 1, true);
        Snapshot next = keep(store, 2, true);

        store.update(next.withResult(3, "1 host changed: 3 ports opened", base.id()));

        Snapshot listed = store.get(next.id()).orElseThrow();
        assertThat(listed.changes()).isEqualTo(3);
        assertThat(listed.summary()).isEqualTo("1 host changed: 3 ports opened");
        assertThat(listed.baselineId()).isEqualTo(base.id());
    }

    @Test
    void unknownIdIsEmptyAndReadingItFails() {
        SnapshotStore store = newStore();
        String id = keep(store, 1, true).id();
        String other = id.replace("01T", "02T");

        assertThat(store.get(other)).isEmpty();
        assertThatThrownBy(() -> store.read(other)).isInstanceOf(NmapDiffException.class);
    }

    @Test
    void retentionKeepsTheLastNAndTheNewestComplete() {
        SnapshotStore store = newStore();
        Snapshot baseline = keep(store, 1, true);
        keep(store, 2, false);
        keep(store, 3, false);

        List<String> removed = store.applyRetention(RetentionPolicy.keepLast(1));

        assertThat(store.list()).extracting(Snapshot::id).hasSize(2).contains(baseline.id());
        assertThat(removed).hasSize(1);
    }

    @Test
    void retentionByAgeKeepsTheYoungOnes() {
        SnapshotStore store = newStore();
        for (int day = 1; day <= 5; day++) {
            keep(store, day, true);
        }
        Duration age = Duration.between(DAY_1.plus(Duration.ofDays(2)), now()).plusHours(1);

        store.applyRetention(RetentionPolicy.maxAge(age));

        assertThat(store.list()).extracting(Snapshot::start).allMatch(start -> !start.isBefore(DAY_1.plus(Duration.ofDays(2))));
        assertThat(store.list()).hasSize(3);
    }

    @Test
    void aSecondRunWaitsForTheLockAndThenGivesUp() throws Exception {
        SnapshotStore store = newStore();
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
                try (StoreLock other = store.lock(Duration.ofMillis(500))) {
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Throwable failure = second.get(10, TimeUnit.SECONDS);
            if (failure != null) {
                assertThat(failure).isInstanceOf(StoreLockedException.class);
            } else {
                // a store without locking hands out a lock that excludes nothing; that is allowed
                assertThat(store.getClass().getName()).doesNotStartWith("io.github.nmapdiff");
            }
        }
        try (StoreLock again = store.lock(Duration.ofSeconds(1))) {
            assertThat(again).isNotNull();
        }
    }
}
