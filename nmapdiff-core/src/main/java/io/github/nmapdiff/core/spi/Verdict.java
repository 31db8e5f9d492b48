package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Triage;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a run found, the one value its report, its notification, its snapshot's record, the
 * exit code and the mail all read: the kind of run, what it was compared with (the baseline,
 * and ndiff's diff against it), and what the job's memory made of the scan (its findings and
 * what it held back). Immutable; derived here, in one place.
 *
 * <p>"Changes" are findings: {@link #hasFindings()} says whether there is something to report.
 * ndiff's side is named as such ({@link #ndiff()}, {@link #ndiffChanges()}): ndiff compares two
 * scans and has no memory, so a port it sees open may be no finding (it was reported on an
 * earlier night), and a closure the memory confirms tonight may be no change of ndiff's.
 */
public final class Verdict {
    private final RunKind kind;
    private final @Nullable Snapshot baseline;
    private final @Nullable ScanDiff ndiff;
    private final Triage triage;
    private final @Nullable String scopeChange;
    private final String summary;

    private Verdict(RunKind kind, @Nullable Snapshot baseline, @Nullable ScanDiff ndiff, Triage triage, @Nullable String scopeChange, String summary) {
        this.kind = kind;
        this.baseline = baseline;
        this.ndiff = ndiff;
        this.triage = Objects.requireNonNull(triage, "triage");
        this.scopeChange = scopeChange;
        this.summary = summary;
    }

    /**
     * Returns the verdict of the first scan of a site: a baseline, nothing to compare with.
     *
     * @param hosts how many hosts the scan holds
     * @param complete whether the scan is complete
     * @return the verdict, never null
     */
    public static Verdict baseline(int hosts, boolean complete) {
        String summary = (complete ? "" : "incomplete scan; ") + "baseline recorded: " + hosts + (hosts == 1 ? " host" : " hosts")
                + ", nothing to compare with yet";
        return new Verdict(complete ? RunKind.BASELINE : RunKind.INCOMPLETE, null, null, Triage.none(), null, summary);
    }

    /**
     * Returns the verdict of a scan the memory triaged.
     *
     * @param complete whether the scan is complete
     * @param baseline the snapshot ndiff compared it with; null when none
     * @param ndiff ndiff's diff against the baseline; null when nothing was compared
     * @param triage what the memory made of the scan, after the team's rules; never null
     * @param scopeChange what changed in what the scans cover ("the targets changed ..."); null when nothing
     * @return the verdict, never null
     */
    public static Verdict of(boolean complete, @Nullable Snapshot baseline, @Nullable ScanDiff ndiff, Triage triage, @Nullable String scopeChange) {
        RunKind kind = !complete ? RunKind.INCOMPLETE
                : triage.hasFindings() ? RunKind.CHANGES
                : scopeChange != null ? RunKind.SCOPE_CHANGED
                : RunKind.NO_CHANGES;
        StringBuilder summary = new StringBuilder(complete ? "" : "incomplete scan; ");
        if (scopeChange != null) {
            summary.append(scopeChange).append("; ");
        }
        summary.append(findingsLine(triage));
        return new Verdict(kind, baseline, ndiff, triage, scopeChange, summary.toString());
    }

    /**
     * Returns a verdict as a store or a test gives it: every part given, the kind too. The
     * monitor derives its verdicts with {@link #of} and {@link #baseline}.
     *
     * @param kind the kind of run; never null
     * @param summary one line for people; never null
     * @param baseline the baseline; may be null
     * @param ndiff ndiff's diff; may be null
     * @param triage the triage; never null
     * @return the verdict, never null
     */
    public static Verdict given(RunKind kind, String summary, @Nullable Snapshot baseline, @Nullable ScanDiff ndiff, Triage triage) {
        return new Verdict(Objects.requireNonNull(kind, "kind"), baseline, ndiff, triage, null, Objects.requireNonNull(summary, "summary"));
    }

    /**
     * Returns the line that says what a triage found: {@code [high] 5432/tcp postgresql opened on
     * db3 (192.0.2.201), +2 more; held back: 3 hosts not answering, ...}, or {@code nothing to
     * report} with what was held back.
     *
     * @param triage the triage, never null
     * @return the line, never null
     */
    public static String findingsLine(Triage triage) {
        StringBuilder line = new StringBuilder();
        if (triage.hasFindings()) {
            Finding first = triage.findings().get(0);
            line.append('[').append(first.severity().id()).append("] ").append(first.describe());
            if (triage.findings().size() > 1) {
                line.append(", +").append(triage.findings().size() - 1).append(" more");
            }
        } else {
            line.append("nothing to report");
        }
        if (triage.heldBack().total() > 0) {
            line.append("; held back: ").append(triage.heldBack().describe());
        }
        return line.toString();
    }

    /** Returns the kind of run; never null. */
    public RunKind kind() {
        return kind;
    }

    /** Returns the snapshot ndiff compared the scan with; null when none. */
    public @Nullable Snapshot baseline() {
        return baseline;
    }

    /** Returns ndiff's diff against the baseline (for an incomplete scan: of the hosts it reached); null when nothing was compared. */
    public @Nullable ScanDiff ndiff() {
        return ndiff;
    }

    /** Returns ndiff's changes against the baseline, reported or not; empty when nothing was compared. */
    public List<Change> ndiffChanges() {
        return ndiff == null ? List.of() : ndiff.changes();
    }

    /** Returns what the job's memory made of the scan, after the rules; never null. */
    public Triage triage() {
        return triage;
    }

    /** Returns the findings to report, most severe first; never null. */
    public List<Finding> findings() {
        return triage.findings();
    }

    /** Returns whether there is something to report. */
    public boolean hasFindings() {
        return triage.hasFindings();
    }

    /** Returns what changed in what the scans cover; null when nothing did. */
    public @Nullable String scopeChange() {
        return scopeChange;
    }

    /** Returns one line for people; never null. */
    public String summary() {
        return summary;
    }

    /** Returns this verdict with a line before its summary (the report of an earlier run, say). */
    public Verdict withSummary(String line) {
        return new Verdict(kind, baseline, ndiff, triage, scopeChange, Objects.requireNonNull(line, "line"));
    }

    @Override
    public String toString() {
        return "Verdict[" + kind + ", " + summary + "]";
    }
}
