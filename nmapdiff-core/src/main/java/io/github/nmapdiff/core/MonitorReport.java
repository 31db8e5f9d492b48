package io.github.nmapdiff.core;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.RunKind;
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
 * @param retryFailures why delivering what waited from earlier runs failed, by notifier id; never null
 * @param pending how many notifications wait to be delivered after the run, by notifier id (only those with
 *        some); never null
 * @param finishedEarlier the snapshots of earlier runs, stopped before they could report, that this run
 *        reported; never null
 * @param removed the snapshots retention removed; never null
 */
public record MonitorReport(RunKind kind, Snapshot snapshot, Snapshot baseline, ScanDiff diff, String summary,
        ScanResult.Outcome outcome, List<String> warnings, Map<String, Delivery> deliveries, Map<String, NotifierFailure> failures,
        Map<String, NotifierFailure> retryFailures, Map<String, Integer> pending, List<String> finishedEarlier, List<String> removed) {

    /** Validates the fields and copies the collections. */
    public MonitorReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(outcome, "outcome");
        warnings = List.copyOf(warnings);
        deliveries = Map.copyOf(deliveries);
        failures = Map.copyOf(failures);
        retryFailures = Map.copyOf(retryFailures);
        pending = Map.copyOf(pending);
        finishedEarlier = List.copyOf(finishedEarlier);
        removed = List.copyOf(removed);
    }

    /** Returns whether the run found changes (for an incomplete scan: on the hosts it reached). */
    public boolean hasChanges() {
        return diff != null && !diff.changes().isEmpty();
    }

    /** Returns whether the scan was complete. */
    public boolean complete() {
        return snapshot.complete();
    }

    /**
     * Returns whether some notification, of this run or an earlier one, is not delivered: it
     * waits in an outbox, a notifier failed, or one was set aside for good.
     */
    public boolean undelivered() {
        return !failures.isEmpty() || !retryFailures.isEmpty() || !pending.isEmpty() || deliveries.containsValue(Delivery.QUEUED);
    }
}
