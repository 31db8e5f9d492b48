package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one monitoring run did: what it scanned and kept, what it found (its {@link Verdict},
 * the same value its notification carries), and what became of each notification. Immutable;
 * made by the {@link Monitor} only, so that later versions can add to it.
 */
public final class MonitorReport {
    private final Verdict verdict;
    private final Snapshot snapshot;
    private final ScanResult.Outcome outcome;
    private final List<String> warnings;
    private final Map<String, Delivery> deliveries;
    private final Map<String, NotifierFailure> failures;
    private final Map<String, NotifierFailure> retryFailures;
    private final Map<String, Integer> pending;
    private final List<String> finishedEarlier;
    private final List<String> removed;

    MonitorReport(Verdict verdict, Snapshot snapshot, ScanResult.Outcome outcome, List<String> warnings,
            Map<String, Delivery> deliveries, Map<String, NotifierFailure> failures, Map<String, NotifierFailure> retryFailures,
            Map<String, Integer> pending, List<String> finishedEarlier, List<String> removed) {
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.warnings = List.copyOf(warnings);
        this.deliveries = Map.copyOf(deliveries);
        this.failures = Map.copyOf(failures);
        this.retryFailures = Map.copyOf(retryFailures);
        this.pending = Map.copyOf(pending);
        this.finishedEarlier = List.copyOf(finishedEarlier);
        this.removed = List.copyOf(removed);
    }

    /** Returns what the run found: the same value its notification carried; never null. */
    public Verdict verdict() {
        return verdict;
    }

    /** Returns the kind of run; never null. */
    public RunKind kind() {
        return verdict.kind();
    }

    /** Returns the snapshot the run made, with its run's outcome recorded; never null. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Returns the snapshot ndiff compared it with; null when none. */
    public @Nullable Snapshot baseline() {
        return verdict.baseline();
    }

    /** Returns ndiff's diff against the baseline; null when nothing was compared. */
    public @Nullable ScanDiff ndiff() {
        return verdict.ndiff();
    }

    /**
     * Returns what the job's memory made of the scan: the findings reported, most severe first,
     * and what was held back as noise; empty for a baseline.
     */
    public Triage triage() {
        return verdict.triage();
    }

    /** Returns the findings reported, most severe first; never null. */
    public List<Finding> findings() {
        return verdict.findings();
    }

    /** Returns whether the run has something to report. */
    public boolean hasFindings() {
        return verdict.hasFindings();
    }

    /** Returns one line for people; never null. */
    public String summary() {
        return verdict.summary();
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
        return "MonitorReport[" + verdict.kind() + ", " + snapshot.id() + ", " + verdict.summary() + "]";
    }
}
