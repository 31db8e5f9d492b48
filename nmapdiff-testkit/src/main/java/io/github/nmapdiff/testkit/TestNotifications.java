package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffSummary;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.spi.Snapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Notifications as a monitor would make them, for the tests of notifiers: a baseline, a run
 * that found changes, an incomplete scan. Each is complete: snapshots, diff, ndiff's text and
 * both scans' XML.
 */
public final class TestNotifications {
    /** When the baseline scan of these notifications started. */
    public static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    private TestNotifications() {
    }

    /** Returns the notification of a first run: a baseline of two hosts. */
    public static Notification baseline() {
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22", "127.0.0.2:80");
        return Notification.builder(RunKind.BASELINE, "baseline recorded: 2 hosts, nothing to compare with yet",
                snapshot("test-1", scan)).xml(TestScans.xml(scan)).build();
    }

    /** Returns the notification of a run that found changes: a port opened on one host, a new host. */
    public static Notification changes() {
        return compared(RunKind.CHANGES, TestScans.scan(DAY_1.plusSeconds(86_400), true, "127.0.0.1:22,5432", "127.0.0.2:80",
                "127.0.0.3:443"));
    }

    /** Returns the notification of an incomplete scan, compared on the hosts it reached. */
    public static Notification incomplete() {
        return compared(RunKind.INCOMPLETE, TestScans.scan(DAY_1.plusSeconds(86_400), false, "127.0.0.1:22,8080"));
    }

    /** Returns one notification of each kind a notifier is given. */
    public static List<Notification> all() {
        return List.of(baseline(), changes(), incomplete());
    }

    private static Notification compared(RunKind kind, Scan after) {
        Scan before = TestScans.scan(DAY_1, true, "127.0.0.1:22", "127.0.0.2:80");
        Scan reached = after.complete() ? before
                : before.withHosts(before.hosts().stream().filter(h -> after.hosts().stream()
                        .anyMatch(a -> a.addresses().equals(h.addresses()))).toList());
        ScanDiff diff = ScanDiff.between(reached, after);
        String summary = (kind == RunKind.INCOMPLETE ? "incomplete scan; " : "") + DiffSummary.of(diff);
        return Notification.builder(kind, summary, snapshot("test-2", after))
                .baseline(snapshot("test-1", before), TestScans.xml(before))
                .diff(diff, NdiffText.of(false, ZoneOffset.UTC).render(diff))
                .xml(TestScans.xml(after))
                .warnings(kind == RunKind.INCOMPLETE ? List.of("the scan is incomplete (the time limit ran out)") : List.of())
                .build();
    }

    private static Snapshot snapshot(String id, Scan scan) {
        return Snapshot.builder(id, scan.start()).complete(scan.complete()).scope(List.of("127.0.0.0/29"), List.of("-sV"))
                .hosts(scan.hosts().size()).build();
    }
}
