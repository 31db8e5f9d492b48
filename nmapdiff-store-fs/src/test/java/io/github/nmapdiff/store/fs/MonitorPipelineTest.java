package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.spi.RunKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.NmapScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline with the real nmap against loopback services and the real filesystem store. */
class MonitorPipelineTest {
    @TempDir
    Path dir;

    /** Remembers what it was told. */
    static final class Recorder implements Notifier {
        final List<Notification> received = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public Delivery send(Notification notification) {
            received.add(notification);
            return Delivery.DELIVERED;
        }
    }

    /** Always fails, as a notifier whose server is down and that keeps nothing. */
    static final class Broken implements Notifier {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public Delivery send(Notification notification) {
            throw new IllegalStateException("server down");
        }
    }

    @Test
    void baselineThenAChangeThenAnIncompleteScanThatIsNoBaseline() throws Exception {
        Tool.require("nmap");
        try (BannerServer ssh = BannerServer.ssh()) {
            int smtpPort = BannerServer.freePort();
            int slowPort = freeOtherThan(smtpPort);
            NmapOptions options = NmapOptions.builder().ports(ssh.port() + "," + smtpPort + "," + slowPort)
                    .reverseDns(NmapOptions.ReverseDns.NEVER).add("--max-hostgroup", "1").build();
            Recorder recorder = new Recorder();
            FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
            Monitor.Builder monitor = Monitor.builder()
                    .engine(NmapScanner.builder().options(options).gracePeriod(Duration.ofSeconds(5)).build())
                    .store(store)
                    .notifier(new Broken())
                    .notifier(recorder)
                    .targets(List.of("127.0.0.2", "127.0.0.1"));

            MonitorReport first = monitor.build().run();

            assertThat(first.kind()).isEqualTo(RunKind.BASELINE);
            assertThat(first.summary()).startsWith("baseline recorded: 2 hosts");
            assertThat(first.undelivered()).as("a baseline one notifier failed to take is not all good").isTrue();
            assertThat(first.failures()).containsKey("broken");
            assertThat(first.deliveries()).containsEntry("recorder", Delivery.DELIVERED);

            MonitorReport second;
            try (BannerServer smtp = BannerServer.smtp(smtpPort)) {
                second = monitor.build().run();
            }

            assertThat(second.kind()).isEqualTo(RunKind.CHANGES);
            assertThat(second.baseline().id()).isEqualTo(first.snapshot().id());
            assertThat(second.ndiff().changes()).singleElement().isInstanceOfSatisfying(Change.PortOpened.class,
                    opened -> assertThat(opened.port()).isEqualTo(new PortKey(smtpPort, Protocol.TCP)));
            assertThat(second.summary()).isEqualTo("[medium] " + smtpPort + "/tcp smtp opened on 127.0.0.1");
            assertThat(second.triage().findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Finding.Kind.NEW_PORT);
                assertThat(f.firstSeen()).isEqualTo(second.snapshot().takenAt());
            });
            assertThat(second.undelivered()).as("changes, but one notifier failed").isTrue();
            Notification told = recorder.received.get(1);
            assertThat(told.ndiffText()).contains("+" + smtpPort + "/tcp");
            assertThat(told.baselineXml()).isNotNull();

            MonitorReport third;
            try (BannerServer slow = BannerServer.silent(slowPort)) {
                third = monitor.timeout(Duration.ofSeconds(6)).build().run();
            }

            assertThat(third.kind()).isEqualTo(RunKind.INCOMPLETE);
            assertThat(third.outcome()).isEqualTo(ScanResult.Outcome.TIMED_OUT);
            assertThat(third.snapshot().complete()).isFalse();
            assertThat(third.baseline().id()).isEqualTo(second.snapshot().id());
            assertThat(third.ndiff().changes()).as("127.0.0.1 was not reached and is not reported removed").isEmpty();
            assertThat(third.warnings()).anyMatch(w -> w.contains("incomplete"));

            MonitorReport fourth = monitor.timeout(null).build().run();

            assertThat(fourth.baseline().id()).as("the incomplete scan is skipped").isEqualTo(second.snapshot().id());
            assertThat(fourth.ndiff().changes()).as("ndiff sees smtp gone").singleElement().isInstanceOf(Change.PortClosed.class);
            assertThat(fourth.kind()).as("gone for one scan: held back until a second confirms it").isEqualTo(RunKind.NO_CHANGES);
            assertThat(fourth.triage().heldBack().counts()).containsEntry(HeldBack.Reason.PORT_NOT_OPEN, 1);
            assertThat(fourth.summary()).startsWith("nothing to report; held back: 1 port not open");
            int heard = recorder.received.size();

            MonitorReport fifth = monitor.build().run();

            assertThat(fifth.kind()).as("confirmed by a second complete scan").isEqualTo(RunKind.CHANGES);
            assertThat(fifth.summary()).isEqualTo("[medium] " + smtpPort + "/tcp smtp closed on 127.0.0.1");
            assertThat(recorder.received).hasSize(heard + 1);
            assertThat(recorder.received.get(heard).findings()).extracting(Finding::kind).containsExactly(Finding.Kind.PORT_GONE);
            assertThat(Snapshots.of(store).list()).extracting(Snapshot::complete).containsExactly(true, true, false, true, true);
            assertThat(store.get(second.snapshot().id()).orElseThrow().summary())
                    .isEqualTo("[medium] " + smtpPort + "/tcp smtp opened on 127.0.0.1");
            assertThat(dir.resolve("memory.log")).as("the memory is kept in the folder").exists();
        }
    }

    @Test
    void changedTargetsCompareWhatBothCoverAndSaySo() throws Exception {
        Tool.require("nmap");
        try (BannerServer ssh = BannerServer.ssh()) {
            NmapOptions options = NmapOptions.builder().ports(Integer.toString(ssh.port())).reverseDns(NmapOptions.ReverseDns.NEVER).build();
            Monitor.Builder monitor = Monitor.builder()
                    .engine(NmapScanner.builder().options(options).build())
                    .store(FileSystemSnapshotStore.open(dir));

            MonitorReport first = monitor.targets(List.of("127.0.0.1")).build().run();
            MonitorReport widened = monitor.targets(List.of("127.0.0.1", "127.0.0.2")).build().run();

            assertThat(widened.kind()).isEqualTo(RunKind.SCOPE_CHANGED);
            assertThat(widened.summary()).startsWith("the targets changed (now watched: 1 host)")
                    .contains("what both cover is compared").endsWith("nothing to report");
            assertThat(widened.hasFindings()).as("127.0.0.2 is now watched, not new").isFalse();
            assertThat(widened.baseline().id()).isEqualTo(first.snapshot().id());
            assertThat(widened.undelivered()).isFalse();

            MonitorReport again = monitor.build().run();
            assertThat(again.kind()).isEqualTo(RunKind.NO_CHANGES);
            assertThat(again.baseline().id()).isEqualTo(widened.snapshot().id());
        }
    }

    private static int freeOtherThan(int port) throws java.io.IOException {
        int p;
        do {
            p = BannerServer.freePort();
        } while (p == port);
        return p;
    }
}
