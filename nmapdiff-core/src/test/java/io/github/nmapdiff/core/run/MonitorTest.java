package io.github.nmapdiff.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NotificationRefusedException;
import io.github.nmapdiff.core.RunCancelledException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScanInfo;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.RecoveredScan;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.StoreLock;
import io.github.nmapdiff.core.support.InMemorySnapshotStore;
import io.github.nmapdiff.core.support.RecordingNotifier;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.core.testing.SampleScans;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every branch of a monitoring run, without nmap: a scripted engine, the in-memory store, a recording notifier. */
class MonitorTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");
    private static final List<String> TARGETS = List.of("192.0.2.0/29");

    private final InMemorySnapshotStore store = InMemorySnapshotStore.create(Clock.fixed(DAY_1.plus(Duration.ofDays(40)), ZoneOffset.UTC));
    private final RecordingNotifier notifier = RecordingNotifier.named("recording");

    private static Scan night(int n, String... hosts) {
        return SampleScans.scan(DAY_1.plus(Duration.ofDays(n - 1)), true, hosts);
    }

    private static Scan cutShort(int n, String... hosts) {
        return SampleScans.scan(DAY_1.plus(Duration.ofDays(n - 1)), false, hosts);
    }

    private Monitor monitor(ScriptedScanEngine engine) {
        return Monitor.builder().engine(engine).store(store).notifier(notifier).targets(TARGETS)
                .clock(Clock.fixed(DAY_1.plus(Duration.ofDays(40)), ZoneOffset.UTC)).build();
    }

    @Test
    void theFirstRunRecordsABaselineAndSaysSo() {
        MonitorReport report = monitor(ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22"))).run();

        assertThat(report.kind()).isEqualTo(RunKind.BASELINE);
        assertThat(report.baseline()).isNull();
        assertThat(report.ndiff()).isNull();
        assertThat(report.summary()).startsWith("baseline recorded: 1 host");
        assertThat(notifier.received()).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(RunKind.BASELINE));
        Snapshot kept = store.get(report.snapshot().id()).orElseThrow();
        assertThat(kept.finished()).isTrue();
        assertThat(kept.targets()).isEqualTo(TARGETS);
        assertThat(kept.arguments()).containsExactly("-sV");
    }

    @Test
    void aNightWithoutChangesTellsNobody() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22")).then(night(2, "192.0.2.1:22"));
        monitor(engine).run();
        MonitorReport report = monitor(engine).run();

        assertThat(report.kind()).isEqualTo(RunKind.NO_CHANGES);
        assertThat(report.hasFindings()).isFalse();
        assertThat(report.deliveries()).isEmpty();
        assertThat(notifier.received()).hasSize(1);
        assertThat(store.get(report.snapshot().id()).orElseThrow().summary()).isEqualTo(report.summary());
    }

    @Test
    void changesAreComparedWithTheBaselineAndNotifiedWithBothScans() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV")
                .then(night(1, "192.0.2.1:22")).then(night(2, "192.0.2.1:22,5432", "192.0.2.2:80"));
        Snapshot baseline = monitor(engine).run().snapshot();
        MonitorReport report = monitor(engine).run();

        assertThat(report.kind()).isEqualTo(RunKind.CHANGES);
        assertThat(report.baseline().id()).isEqualTo(baseline.id());
        assertThat(report.ndiff().changes()).extracting(Change::kind)
                .containsExactlyInAnyOrder(Change.Kind.PORT_OPENED, Change.Kind.HOST_ADDED, Change.Kind.PORT_OPENED);
        assertThat(report.deliveries()).containsEntry("recording", Delivery.DELIVERED);
        var told = notifier.received().get(1);
        assertThat(told.kind()).isEqualTo(RunKind.CHANGES);
        assertThat(told.ndiffText()).contains("+5432/tcp");
        assertThat(told.baselineXml()).isEqualTo(Snapshots.of(store).readXml(baseline.id()));
        Snapshot kept = store.get(report.snapshot().id()).orElseThrow();
        assertThat(kept.changes()).isEqualTo(3);
        assertThat(kept.baselineId()).isEqualTo(baseline.id());
    }

    @Test
    void anIncompleteScanComparesOnlyTheHostsItReachedAndIsNeverABaseline() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV")
                .then(night(1, "192.0.2.1:22", "192.0.2.2:80", "192.0.2.3:443"))
                .then(cutShort(2, "192.0.2.1:22,8080"))
                .then(night(3, "192.0.2.1:22", "192.0.2.2:80", "192.0.2.3:443"));
        Snapshot baseline = monitor(engine).run().snapshot();

        MonitorReport cut = monitor(engine).run();
        assertThat(cut.kind()).isEqualTo(RunKind.INCOMPLETE);
        assertThat(cut.complete()).isFalse();
        assertThat(cut.outcome()).isEqualTo(ScanResult.Outcome.TIMED_OUT);
        assertThat(cut.ndiff().changes()).extracting(Change::kind).containsExactly(Change.Kind.PORT_OPENED);
        assertThat(cut.warnings()).anyMatch(w -> w.contains("incomplete") && w.contains("1 hosts it reached"));

        MonitorReport next = monitor(engine).run();
        assertThat(next.baseline().id()).as("the incomplete scan is no baseline").isEqualTo(baseline.id());
        assertThat(next.kind()).isEqualTo(RunKind.NO_CHANGES);
    }

    /** A scan whose scan info says it probed these TCP ports, as nmap writes it. */
    private static Scan probing(Scan scan, String services) {
        return new Scan(scan.scanner(), scan.args(), scan.nmapVersion(), scan.xmlOutputVersion(), scan.start(), scan.startString(),
                List.of(new ScanInfo("connect", Protocol.TCP, services.split(",").length, services, null)), scan.verboseLevel(),
                scan.debuggingLevel(), scan.preScanScripts(), scan.hosts(), scan.postScanScripts(), scan.runStats(), scan.complete());
    }

    @Test
    void newArgumentsCompareWhatBothScansProbeAndKeepTheMemory() {
        Monitor first = monitor(ScriptedScanEngine.withScope("-sV", "-p", "22,3389")
                .then(probing(night(1, "192.0.2.1:22,3389"), "22,3389")));
        first.run();
        Monitor otherArguments = monitor(ScriptedScanEngine.withScope("-sV", "-p", "22,80")
                .then(probing(night(2, "192.0.2.1:22,80"), "22,80")));

        MonitorReport report = otherArguments.run();

        assertThat(report.kind()).isEqualTo(RunKind.SCOPE_CHANGED);
        assertThat(report.hasFindings()).as("80 is now watched, not opened; 3389 no longer watched, not closed").isFalse();
        assertThat(report.summary()).contains("the scan arguments changed")
                .contains("now watched: 0 hosts and 1 open port").contains("no longer watched: 0 hosts and 1 open port");
        assertThat(NetworkMemory.over(store.memory().orElseThrow()).firstSeen("192.0.2.1", "22/tcp")).as("the memory is kept")
                .contains(DAY_1);
        assertThat(notifier.received()).extracting(n -> n.kind()).containsExactly(RunKind.BASELINE, RunKind.SCOPE_CHANGED);
    }

    @Test
    void newTargetsKeepTheMemoryOfWhatBothCoverAndReportTheRestAsWatchedOrNot() {
        monitor(ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22", "192.0.2.2:80"))).run();
        Monitor more = Monitor.builder().engine(ScriptedScanEngine.withScope("-sV")
                .then(night(2, "192.0.2.1:22,5432", "198.51.100.7:443")).then(night(3, "192.0.2.1:22,5432", "198.51.100.7:443"))
                .then(night(4, "192.0.2.1:22,5432", "198.51.100.7:443")))
                .store(store).notifier(notifier).targets(List.of("192.0.2.1", "198.51.100.0/29")).build();

        MonitorReport report = more.run();

        assertThat(report.findings()).extracting(f -> f.toString()).as("what both cover is compared")
                .containsExactly("[high] 5432/tcp ssh opened on 192.0.2.1");
        assertThat(report.summary()).contains("the targets changed").contains("now watched: 1 host and 1 open port")
                .contains("no longer watched: 1 host");
        assertThat(more.run().findings()).as("the host no longer watched is not reported gone").isEmpty();
        assertThat(more.run().findings()).isEmpty();
        NetworkMemory memory = NetworkMemory.over(store.memory().orElseThrow());
        assertThat(memory.firstSeen("192.0.2.1", "22/tcp")).contains(DAY_1);
        assertThat(memory.host("192.0.2.2").orElseThrow().watched()).isFalse();
    }

    @Test
    void anUnreadableBaselineIsSkippedForTheNewestReadableOne() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV")
                .then(night(1, "192.0.2.1:22")).then(night(2, "192.0.2.1:22")).then(night(3, "192.0.2.1:22,443"));
        Snapshot oldest = monitor(engine).run().snapshot();
        Snapshot damaged = monitor(engine).run().snapshot();
        store.damage(damaged.id(), "this is no scan".getBytes(StandardCharsets.UTF_8));

        MonitorReport report = monitor(engine).run();

        assertThat(report.baseline().id()).isEqualTo(oldest.id());
        assertThat(report.kind()).isEqualTo(RunKind.CHANGES);
        assertThat(report.warnings()).anyMatch(w -> w.contains(damaged.id()) && w.contains("skipped as a baseline"));
    }

    @Test
    void aFailingNotifierDoesNotStopTheOthersAndIsToldAgainOnTheNextRun() {
        RecordingNotifier other = RecordingNotifier.named("other");
        notifier.failNextSend(new IllegalStateException("server down"));
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22")).then(night(2, "192.0.2.1:22"));
        Monitor monitor = Monitor.builder().engine(engine).store(store).notifier(notifier).notifier(other).targets(TARGETS).build();

        MonitorReport failed = monitor.run();
        assertThat(failed.failures()).containsOnlyKeys("recording");
        assertThat(failed.failures().get("recording").type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.failures().get("recording").message()).isEqualTo("server down");
        assertThat(failed.failures().get("recording").refused()).isFalse();
        assertThat(failed.undelivered()).isTrue();
        assertThat(other.received()).hasSize(1);
        assertThat(store.get(failed.snapshot().id()).orElseThrow().unnotified()).containsExactly("recording");

        MonitorReport next = monitor.run();
        assertThat(next.finishedEarlier()).containsExactly(failed.snapshot().id());
        assertThat(notifier.received()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(RunKind.BASELINE);
            assertThat(n.warnings()).anyMatch(w -> w.contains("report of the run that kept snapshot " + failed.snapshot().id()));
        });
        assertThat(other.received()).as("not told twice").hasSize(1);
        assertThat(store.get(failed.snapshot().id()).orElseThrow().needsFinishing()).isFalse();
    }

    @Test
    void aNotificationRefusedForGoodIsReportedAndNotGivenAgain() {
        notifier.failNextSend(new NotificationRefusedException("550 no such user; kept in failed/", null));
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22")).then(night(2, "192.0.2.1:22"));

        MonitorReport refused = monitor(engine).run();
        assertThat(refused.failures().get("recording").refused()).isTrue();
        assertThat(store.get(refused.snapshot().id()).orElseThrow().needsFinishing()).isFalse();

        assertThat(monitor(engine).run().finishedEarlier()).isEmpty();
    }

    @Test
    void aFailingRetryOfWaitingNotificationsIsReportedAndTheRunGoesOn() {
        notifier.failNextRetry(new IllegalStateException("2 mails set aside in outbox/failed"));

        MonitorReport report = monitor(ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22"))).run();

        assertThat(report.retryFailures()).containsOnlyKeys("recording");
        assertThat(report.retryFailures().get("recording").message()).contains("set aside");
        assertThat(report.kind()).isEqualTo(RunKind.BASELINE);
        assertThat(report.undelivered()).isTrue();
    }

    @Test
    void retentionRemovesWhatThePolicyDoesNotKeepButNeverTheNewestComplete() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV")
                .then(night(1, "192.0.2.1:22")).then(night(2, "192.0.2.1:22")).then(cutShort(3, "192.0.2.1:22"));
        Monitor keepOne = Monitor.builder().engine(engine).store(store).targets(TARGETS).retention(RetentionPolicy.keepLast(1)).build();
        Snapshot first = keepOne.run().snapshot();
        MonitorReport second = keepOne.run();
        assertThat(second.removed()).containsExactly(first.id());

        MonitorReport third = keepOne.run();

        assertThat(third.removed()).as("the last one is incomplete: the newest complete one stays too").isEmpty();
        assertThat(store.list()).extracting(Snapshot::id).containsExactlyInAnyOrder(second.snapshot().id(), third.snapshot().id());
    }

    @Test
    void aScanThatFailsKeepsNothing() {
        Monitor monitor = monitor(ScriptedScanEngine.withScope().thenFail(new IllegalStateException("nmap is not installed")));

        assertThatThrownBy(monitor::run).hasMessage("nmap is not installed");
        assertThat(store.list()).isEmpty();
        assertThat(notifier.received()).isEmpty();
    }

    @Test
    void aRunCancelledBeforeItsScanScansNothing() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope().then(night(1, "192.0.2.1:22"));
        Cancellation cancellation = Cancellation.create();
        cancellation.cancel();

        assertThatThrownBy(() -> monitor(engine).run(cancellation)).isInstanceOf(RunCancelledException.class);
        assertThat(engine.remaining()).isEqualTo(1);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void whatAKilledRunHadScannedIsKeptAsAnIncompleteSnapshot() {
        Scan left = cutShort(1, "192.0.2.1:22");
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(2, "192.0.2.1:22"))
                .leftByAKilledRun(RecoveredScan.of(TARGETS, ScanResult.builder(left, SampleScans.xml(left))
                        .outcome(ScanResult.Outcome.CANCELLED).build()));

        MonitorReport report = monitor(engine).run();

        assertThat(store.list()).hasSize(2);
        Snapshot recovered = Snapshots.of(store).list().get(0);
        assertThat(recovered.complete()).isFalse();
        assertThat(report.warnings()).anyMatch(w -> w.contains("killed during its scan") && w.contains(recovered.id()));
        assertThat(report.finishedEarlier()).containsExactly(recovered.id());
        assertThat(report.kind()).isEqualTo(RunKind.BASELINE);
    }

    @Test
    void aSecondRunWaitsForTheFirstAndGivesUpAfterTheLockWait() {
        Monitor monitor = Monitor.builder().engine(ScriptedScanEngine.withScope().then(night(1, "192.0.2.1:22"))).store(store)
                .targets(TARGETS).lockWait(Duration.ofMillis(200)).build();

        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            assertThatThrownBy(monitor::run).isInstanceOf(StoreLockedException.class);
        }
        assertThat(monitor.run().kind()).isEqualTo(RunKind.BASELINE);
    }

    @Test
    void theEngineIsAskedForTheTargetsWithTheTimeLimit() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope().then(night(1, "192.0.2.1:22"));
        Monitor.builder().engine(engine).store(store).targets(TARGETS).timeout(Duration.ofHours(2)).build().run();

        assertThat(engine.requests()).singleElement().satisfies(r -> {
            assertThat(r.targets()).isEqualTo(TARGETS);
            assertThat(r.timeout()).isEqualTo(Duration.ofHours(2));
        });
    }

    @Test
    void aClosedPortIsHeldBackOnItsFirstNightAndReportedWhenTheSecondConfirmsIt() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22,3389"))
                .then(night(2, "192.0.2.1:22")).then(night(3, "192.0.2.1:22"));
        monitor(engine).run();

        MonitorReport first = monitor(engine).run();
        assertThat(first.ndiff().changes()).as("ndiff sees it").isNotEmpty();
        assertThat(first.hasFindings()).as("nothing to report").isFalse();
        assertThat(first.kind()).isEqualTo(RunKind.NO_CHANGES);
        assertThat(first.summary()).isEqualTo("nothing to report; held back: 1 port not open, reported if still so after the"
                + " confirmation window");
        assertThat(notifier.received()).as("no mail on a night with nothing to report").hasSize(1);

        MonitorReport second = monitor(engine).run();
        assertThat(second.hasFindings()).as("the closure is confirmed: something to report").isTrue();
        assertThat(second.kind()).isEqualTo(RunKind.CHANGES);
        assertThat(second.triage().findings()).extracting(f -> f.toString())
                .containsExactly("[medium] 3389/tcp ssh closed on 192.0.2.1");
        assertThat(notifier.received()).hasSize(2);
        assertThat(notifier.received().get(1).findings()).hasSize(1);
        assertThat(second.ndiff().changes()).as("compared with the night that last saw it open, ndiff shows the closure")
                .extracting(Change::kind).containsExactly(Change.Kind.PORT_CLOSED);
        assertThat(notifier.received().get(1).ndiffText()).contains("-3389/tcp");
    }

    @Test
    void aClosureConfirmedAfterScansOfTheSameSecondIsComparedWithTheOneThatSawItOpen() {
        // nmap's start time has seconds only: nights 1 and 2 cannot be told apart by it
        Scan open = SampleScans.scan(DAY_1, true, "192.0.2.1:22,3389");
        Scan closed = SampleScans.scan(DAY_1, true, "192.0.2.1:22");
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(open).then(closed).then(night(2, "192.0.2.1:22"));
        monitor(engine).run();
        monitor(engine).run();

        MonitorReport confirmed = monitor(engine).run();

        assertThat(confirmed.triage().findings()).extracting(f -> f.toString()).containsExactly("[medium] 3389/tcp ssh closed on 192.0.2.1");
        assertThat(confirmed.ndiff().changes()).as("the diff is the closure's evidence").extracting(Change::kind)
                .containsExactly(Change.Kind.PORT_CLOSED);
    }

    @Test
    void withAConfirmationWindowOfOneEveryChangeIsNewsOnItsNight() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22,3389"))
                .then(night(2, "192.0.2.1:22"));
        Monitor monitor = Monitor.builder().engine(engine).store(store).notifier(notifier).targets(TARGETS)
                .noise(NoisePolicy.defaults().confirmAfter(1)).build();
        monitor.run();

        assertThat(monitor.run().summary()).isEqualTo("[medium] 3389/tcp ssh closed on 192.0.2.1");
    }

    @Test
    void theMemoryOutlivesRetentionSoAnOldPortThatReturnsIsNotNew() {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(night(1, "192.0.2.1:22,8443"))
                .then(night(2, "192.0.2.1:22,8443")).then(night(3, "192.0.2.1:22")).then(night(4, "192.0.2.1:22,8443"));
        Monitor keepOne = Monitor.builder().engine(engine).store(store).notifier(notifier).targets(TARGETS)
                .retention(RetentionPolicy.keepLast(1)).build();
        keepOne.run();
        keepOne.run();
        keepOne.run();

        MonitorReport back = keepOne.run();

        assertThat(store.list()).hasSize(1);
        assertThat(back.kind()).as("8443 missed one night only").isEqualTo(RunKind.NO_CHANGES);
        assertThat(back.triage().heldBack().counts()).containsEntry(HeldBack.Reason.RETURNED, 1);
        assertThat(NetworkMemory.over(store.memory().orElseThrow()).firstSeen("192.0.2.1", "8443/tcp")).contains(DAY_1);
    }
}
