package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one monitoring run did: what it scanned and kept, what it compared it with, what
 * changed, and what became of each notification. Immutable; made by the {@link Monitor} only,
 * so that later versions can add to it.
 */
public final class MonitorReport {
    private final RunKind kind;
    private final Snapshot snapshot;
    private final Snapshot baseline;
    private final ScanDiff diff;
    private final String summary;
    private final ScanResult.Outcome outcome;
    private final List<String> warnings;
    private final Map<String, Delivery> deliveries;
    private final Map<String, NotifierFailure> failures;
    private final Map<String, NotifierFailure> retryFailures;
    private final Map<String, Integer> pending;
    private final List<String> finishedEarlier;
    private final List<String> removed;
    private final Triage triage;

    MonitorReport(RunKind kind, Snapshot snapshot, Snapshot baseline, ScanDiff diff, Triage triage, String summary,
            ScanResult.Outcome outcome, List<String> warnings, Map<String, Delivery> deliveries, Map<String, NotifierFailure> failures,
            Map<String, NotifierFailure> retryFailures, Map<String, Integer> pending, List<String> finishedEarlier, List<String> removed) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.baseline = baseline;
        this.diff = diff;
        this.summary = Objects.requireNonNull(summary, "summary");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.warnings = List.copyOf(warnings);
        this.deliveries = Map.copyOf(deliveries);
        this.failures = Map.copyOf(failures);
        this.retryFailures = Map.copyOf(retryFailures);
        this.pending = Map.copyOf(pending);
        this.finishedEarlier = List.copyOf(finishedEarlier);
        this.removed = List.copyOf(removed);
        this.triage = Objects.requireNonNull(triage, "triage");
    }

    /** Returns what the run found; never null. */
    public RunKind kind() {
        return kind;
    }

    /** Returns the snapshot the run made; never null. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Returns the snapshot it was compared with; null when none. */
    public Snapshot baseline() {
        return baseline;
    }

    /** Returns the diff; null when nothing was compared. */
    public ScanDiff diff() {
        return diff;
    }

    /**
     * Returns what the job's memory made of the scan: the findings reported, most severe first,
     * and what was held back as noise; empty for a baseline or a new scope.
     */
    public Triage triage() {
        return triage;
    }

    /** Returns one line for people; never null. */
    public String summary() {
        return summary;
    }

    /** Returns how the scan ended; never null. */
    public ScanResult.Outcome outcome() {
        return outcome;
    }

    /** Returns what the run warned of; never null. */
    public List<String> warnings() {
        return warnings;
    }

    /** Returns what each notifier (by id) did with the notification; never null. */
    public Map<String, Delivery> deliveries() {
        return deliveries;
    }

    /** Returns why each failed notifier (by id) failed; never null. */
    public Map<String, NotifierFailure> failures() {
        return failures;
    }

    /** Returns why delivering what waited from earlier runs failed, by notifier id; never null. */
    public Map<String, NotifierFailure> retryFailures() {
        return retryFailures;
    }

    /** Returns how many notifications wait to be delivered after the run, by notifier id (only those with some); never null. */
    public Map<String, Integer> pending() {
        return pending;
    }

    /** Returns the snapshots of earlier runs, stopped before they could report, that this run reported; never null. */
    public List<String> finishedEarlier() {
        return finishedEarlier;
    }

    /** Returns the snapshots retention removed; never null. */
    public List<String> removed() {
        return removed;
    }

    /** Returns whether ndiff found changes (for an incomplete scan: on the hosts it reached), reported or held back. */
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

    @Override
    public String toString() {
        return "MonitorReport[" + kind + ", " + snapshot.id() + ", " + summary + "]";
    }
}
