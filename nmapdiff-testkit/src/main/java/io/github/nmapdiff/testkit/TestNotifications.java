package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.support.InMemorySnapshotStore;
import io.github.nmapdiff.core.support.RecordingNotifier;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Notifications as the monitor makes them, for the tests of notifiers: a baseline, a run that
 * found something (findings, with the memory's verdict, ndiff's diff and text), an incomplete
 * scan. Each is made by a real {@link Monitor} run over a scripted engine and the in-memory
 * store: snapshots, verdict, diff, ndiff's text and both scans' XML, as a notifier is given them.
 */
public final class TestNotifications {
    /** When the baseline scan of these notifications started. */
    public static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    private TestNotifications() {
    }

    /** Returns the notification of a first run: a baseline of two hosts. */
    public static Notification baseline() {
        return told(ScriptedScanEngine.withScope("-sV").then(TestScans.scan(DAY_1, true, "127.0.0.1:22", "127.0.0.2:80"))).get(0);
    }

    /**
     * Returns the notification of a run that found something: a port opened on one host (high:
     * PostgreSQL), and a new host with a port open.
     */
    public static Notification changes() {
        return told(ScriptedScanEngine.withScope("-sV").then(TestScans.scan(DAY_1, true, "127.0.0.1:22", "127.0.0.2:80"))
                .then(TestScans.scan(DAY_1.plus(Duration.ofDays(1)), true, "127.0.0.1:22,5432", "127.0.0.2:80", "127.0.0.3:443")))
                .get(1);
    }

    /** Returns the notification of an incomplete scan, compared on the hosts it reached: a port opened on one. */
    public static Notification incomplete() {
        return told(ScriptedScanEngine.withScope("-sV").then(TestScans.scan(DAY_1, true, "127.0.0.1:22", "127.0.0.2:80"))
                .then(TestScans.scan(DAY_1.plus(Duration.ofDays(1)), false, "127.0.0.1:22,8080"))).get(1);
    }

    /** Returns one notification of each kind a notifier is given. */
    public static List<Notification> all() {
        return List.of(baseline(), changes(), incomplete());
    }

    /** Runs the monitor once per scripted scan; returns what its notifier was told. */
    private static List<Notification> told(ScriptedScanEngine engine) {
        Clock clock = Clock.fixed(DAY_1.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        RecordingNotifier notifier = RecordingNotifier.named("test");
        Monitor monitor = Monitor.builder().engine(engine).store(InMemorySnapshotStore.create(clock)).notifier(notifier)
                .targets(List.of("127.0.0.0/29")).clock(clock).build();
        while (engine.remaining() > 0) {
            monitor.run();
        }
        return notifier.received();
    }
}
