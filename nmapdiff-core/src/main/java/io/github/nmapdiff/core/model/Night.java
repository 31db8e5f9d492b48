package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scan told the job's memory: the findings it reported (after the team's rules) and
 * what it held back, by reason (the rules' among them). Immutable; the memory makes them, a
 * store reads them back with {@link #of}.
 */
public final class Night {
    private final String snapshotId;
    private final Instant when;
    private final boolean complete;
    private final boolean baseline;
    private final List<Finding> findings;
    private final HeldBack heldBack;

    private Night(String snapshotId, Instant when, boolean complete, boolean baseline, List<Finding> findings, HeldBack heldBack) {
        this.snapshotId = Objects.requireNonNull(snapshotId, "snapshotId");
        this.when = Objects.requireNonNull(when, "when");
        this.complete = complete;
        this.baseline = baseline;
        this.findings = List.copyOf(findings);
        this.heldBack = Objects.requireNonNull(heldBack, "heldBack");
    }

    /**
     * Returns a night.
     *
     * @param snapshotId the scan's snapshot; never null
     * @param when when the scan was taken; never null
     * @param complete whether the scan was complete
     * @param baseline whether it was the first scan the memory learned from (it reports nothing)
     * @param findings what it reported, after the rules, most severe first; never null
     * @param heldBack what it held back, by reason; never null
     * @return the night, never null
     */
    public static Night of(String snapshotId, Instant when, boolean complete, boolean baseline, List<Finding> findings,
            HeldBack heldBack) {
        return new Night(snapshotId, when, complete, baseline, findings, heldBack);
    }

    /** Returns the scan's snapshot id; never null. */
    public String snapshotId() {
        return snapshotId;
    }

    /** Returns when the scan was taken; never null. */
    public Instant when() {
        return when;
    }

    /** Returns whether the scan was complete. */
    public boolean complete() {
        return complete;
    }

    /** Returns whether it was the first scan the memory learned from; it reports nothing. */
    public boolean baseline() {
        return baseline;
    }

    /** Returns what it reported, after the rules, most severe first; never null. */
    public List<Finding> findings() {
        return findings;
    }

    /** Returns what it held back, by reason; never null. */
    public HeldBack heldBack() {
        return heldBack;
    }

    /** Returns the night's triage: its findings and what it held back. */
    public Triage triage() {
        return Triage.of(findings, heldBack);
    }

    /** Returns how many findings it reported, by severity (only those above 0). */
    public Map<Severity, Integer> findingCounts() {
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** Returns how many findings it reported. */
    public int findingCount() {
        return findings.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Night n && snapshotId.equals(n.snapshotId) && when.equals(n.when) && complete == n.complete
                && baseline == n.baseline && findings.equals(n.findings) && heldBack.equals(n.heldBack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(snapshotId, when);
    }

    @Override
    public String toString() {
        return "Night[" + snapshotId + ", " + findings.size() + " findings, held back " + heldBack.total() + "]";
    }
}
