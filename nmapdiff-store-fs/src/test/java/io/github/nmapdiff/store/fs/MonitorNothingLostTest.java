package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.spi.RunKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.testkit.TestScans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's promise that a change is reported at least once: a scripted engine (each run
 * gives the next prepared scan) and the real folder store. The real nmap and real kills are in
 * the CLI's tests.
 */
class MonitorNothingLostTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");
    private static final List<String> TARGETS = List.of("127.0.0.1");
    private static final List<String> ARGS = List.of("-sV");

    @TempDir
    Path dir;

    /** Remembers what it was told, or fails while {@code down}. */
    static final class Recorder implements Notifier {
        final List<Notification> received = new ArrayList<>();
        final String id;
        boolean down;

        Recorder() {
            this("recorder");
        }

        Recorder(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Delivery send(Notification n) {
            if (down) {
                throw new IllegalStateException("the outbox disk is full");
            }
            received.add(n);
            return Delivery.DELIVERED;
        }
    }

    private static Scan day(int n, String... hosts) {
        return TestScans.scan(DAY_1.plus(Duration.ofDays(n)), true, hosts);
    }

    private Monitor monitor(FileSystemSnapshotStore store, ScriptedScanEngine engine, Recorder recorder) {
        return Monitor.builder().engine(engine).store(store).notifier(recorder).targets(TARGETS).build();
    }

    /** A baseline, then a night on which 5432 opens and the recorder fails; a third night, unchanged, is scripted. */
    private MonitorReport portOpensWhileTheRecorderIsDown(FileSystemSnapshotStore store, ScriptedScanEngine engine, Recorder recorder) {
        engine.then(day(0, "127.0.0.1:22")).then(day(1, "127.0.0.1:22,5432")).then(day(2, "127.0.0.1:22,5432"));
        monitor(store, engine, recorder).run();
        recorder.down = true;
        MonitorReport changed = monitor(store, engine, recorder).run();
        recorder.down = false;
        return changed;
    }

    @Test
    void aChangeWhoseNotificationFailedIsGivenAgainByTheNextRun() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
        Recorder recorder = new Recorder();
        MonitorReport changed = portOpensWhileTheRecorderIsDown(store, engine, recorder);
        assertThat(changed.kind()).isEqualTo(RunKind.CHANGES);
        assertThat(changed.failures()).hasEntrySatisfying("recorder", f -> {
            assertThat(f.type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(f.message()).isEqualTo("the outbox disk is full");
            assertThat(f.refused()).as("given again next run").isFalse();
        });
        assertThat(changed.snapshot().unnotified()).containsExactly("recorder");

        MonitorReport next = monitor(store, engine, recorder).run();

        assertThat(next.kind()).as("the new scan is the same as the last").isEqualTo(RunKind.NO_CHANGES);
        assertThat(next.finishedEarlier()).containsExactly(changed.snapshot().id());
        assertThat(recorder.received).hasSize(2);
        Notification late = recorder.received.get(1);
        assertThat(late.snapshot().id()).isEqualTo(changed.snapshot().id());
        assertThat(late.summary()).isEqualTo("[high] 5432/tcp ssh opened on 127.0.0.1");
        assertThat(late.warnings()).anyMatch(w -> w.contains("which recorder failed to take then"));
        assertThat(store.get(changed.snapshot().id()).orElseThrow().needsFinishing()).isFalse();
    }

    @Test
    void aNotificationOwedToANotifierNoLongerConfiguredIsDroppedWithAWarningNotSentToOthers() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
        Recorder recorder = new Recorder();
        MonitorReport changed = portOpensWhileTheRecorderIsDown(store, engine, recorder);

        Recorder other = new Recorder("other");
        MonitorReport next = monitor(store, engine, other).run();

        assertThat(next.warnings()).anyMatch(w -> w.contains("was never given to notifier recorder, which is no longer configured"));
        assertThat(next.finishedEarlier()).isEmpty();
        assertThat(other.received).isEmpty();
        assertThat(store.get(changed.snapshot().id()).orElseThrow().needsFinishing()).isFalse();
    }

    @Test
    void aRunKilledAfterKeepingItsSnapshotIsComparedAndReportedByTheNextRun() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
        engine.then(day(0, "127.0.0.1:22")).then(day(2, "127.0.0.1:22,3389"));
        Recorder recorder = new Recorder();
        MonitorReport baseline = monitor(store, engine, recorder).run();
        // what a run killed right after saving leaves: the snapshot, and nothing else
        Scan killed = day(1, "127.0.0.1:22,3389");
        Snapshot orphan = store.save(NewSnapshot.of(killed, TestScans.xml(killed), killed.start(), Scope.of(TARGETS, ARGS)));

        MonitorReport next = monitor(store, engine, recorder).run();

        assertThat(next.finishedEarlier()).containsExactly(orphan.id());
        assertThat(recorder.received).extracting(n -> n.snapshot().id()).containsExactly(baseline.snapshot().id(), orphan.id());
        assertThat(recorder.received.get(1).kind()).isEqualTo(RunKind.CHANGES);
        assertThat(recorder.received.get(1).baseline().id()).isEqualTo(baseline.snapshot().id());
        assertThat(recorder.received.get(1).warnings()).anyMatch(w -> w.contains("stopped before it could report"));
        assertThat(recorder.received.get(1).baselineXml()).isNotNull();
        assertThat(next.kind()).isEqualTo(RunKind.NO_CHANGES);
        assertThat(next.baseline().id()).isEqualTo(orphan.id());
    }

    @Test
    void aCorruptMetadataFileOfTheBaselineDoesNotHideTheOpenedPort() throws Exception {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
        engine.then(day(0, "127.0.0.1:22")).then(day(1, "127.0.0.1:22,23"));
        Recorder recorder = new Recorder();
        MonitorReport baseline = monitor(store, engine, recorder).run();
        Files.writeString(dir.resolve("scan-" + baseline.snapshot().id() + ".json"), "{ not json");

        MonitorReport next = monitor(store, engine, recorder).run();

        assertThat(next.kind()).isEqualTo(RunKind.CHANGES);
        assertThat(next.summary()).isEqualTo("[high] 23/tcp ssh opened on 127.0.0.1");
        assertThat(next.warnings()).anyMatch(w -> w.contains("metadata of snapshot " + baseline.snapshot().id()));
    }

    @Test
    void aScanFromTheFutureIsWarnedOfAndDoesNotStayTheBaseline() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
        Scan future = TestScans.scan(Instant.now().plus(Duration.ofDays(400)), true, "127.0.0.1:22");
        // the later scans start after the first was kept, as the next nights' runs do
        engine.then(future).then(TestScans.scan(Instant.now().plusSeconds(30), true, "127.0.0.1:22,80"))
                .then(TestScans.scan(Instant.now().plusSeconds(60), true, "127.0.0.1:22,80,443"));
        Recorder recorder = new Recorder();

        MonitorReport first = monitor(store, engine, recorder).run();
        MonitorReport second = monitor(store, engine, recorder).run();
        MonitorReport third = monitor(store, engine, recorder).run();

        assertThat(first.warnings()).anyMatch(w -> w.contains("later than this machine's clock"));
        assertThat(second.baseline().id()).isEqualTo(first.snapshot().id());
        assertThat(third.baseline().id()).as("the newest scan kept, not the one dated in the future")
                .isEqualTo(second.snapshot().id());
        assertThat(third.summary()).isEqualTo("[medium] 443/tcp ssh opened on 127.0.0.1");
    }
}
