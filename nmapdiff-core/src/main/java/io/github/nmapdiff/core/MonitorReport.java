package io.github.nmapdiff.core;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one monitoring run did: what it scanned and kept, what it compared it with, what
 * changed, and what became of each notification.
 *
 * @param kind what the run found; never null
 * @param snapshot the snapshot the run made; never null
 * @param baseline the snapshot it was compared with; null when none
 * @param diff the diff; null when nothing was compared
 * @param summary one line for people; never null
 * @param outcome how the scan ended; never null
 * @param warnings what the run warned of; never null
 * @param deliveries what each notifier (by id) did with the notification; never null
 * @param failures why each failed notifier (by id) failed; never null
 */
public record MonitorReport(Kind kind, Snapshot snapshot, Snapshot baseline, ScanDiff diff, String summary,
        ScanResult.Outcome outcome, List<String> warnings, Map<String, Delivery> deliveries, Map<String, String> failures) {

    /** Exit code: no change. */
    public static final int EXIT_NO_CHANGE = 0;
    /** Exit code: changes found and every notification delivered. */
    public static final int EXIT_CHANGES = 1;
    /** Exit code: an error; nothing was compared. */
    public static final int EXIT_ERROR = 2;
    /** Exit code: changes found, but a notification is waiting in an outbox or failed. */
    public static final int EXIT_CHANGES_UNDELIVERED = 3;

    /** What a run found. */
    public enum Kind {
        /** The first scan of this scope: recorded as the baseline, nothing to compare. */
        BASELINE,
        /** Compared with the baseline: nothing changed. */
        NO_CHANGES,
        /** Compared with the baseline: something changed. */
        CHANGES,
        /** The targets or the scan arguments differ from every earlier complete scan: a new baseline, not a diff. */
        SCOPE_CHANGED,
        /** The scan did not finish; only the hosts it reached were compared, and it is never a baseline. */
        INCOMPLETE
    }

    /** Validates the fields and copies the collections. */
    public MonitorReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(outcome, "outcome");
        warnings = List.copyOf(warnings);
        deliveries = Map.copyOf(deliveries);
        failures = Map.copyOf(failures);
    }

    /** Returns whether the run found changes (for an incomplete scan: on the hosts it reached). */
    public boolean hasChanges() {
        return diff != null && !diff.changes().isEmpty();
    }

    /** Returns whether some notification is waiting in an outbox or failed. */
    public boolean undelivered() {
        return !failures.isEmpty() || deliveries.containsValue(Delivery.QUEUED);
    }

    /** Returns the exit code for the command line: 0 no change, 1 changes, 3 changes not all delivered. */
    public int exitCode() {
        if (!hasChanges()) {
            return EXIT_NO_CHANGE;
        }
        return undelivered() ? EXIT_CHANGES_UNDELIVERED : EXIT_CHANGES;
    }
}
