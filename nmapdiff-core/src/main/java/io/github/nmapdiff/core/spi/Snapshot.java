package io.github.nmapdiff.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a store knows of one kept scan, without the scan itself.
 *
 * @param id the snapshot's id in its store, sortable by start time; never null
 * @param start when the scan started (UTC); never null
 * @param complete whether nmap finished the scan; an incomplete snapshot is never a baseline
 * @param targets the targets scanned; never null; empty when the store no longer knows them (its metadata was lost)
 * @param arguments the engine's arguments that decide what a scan covers (nmap's options); never null
 * @param hosts how many hosts the scan holds
 * @param changes how many changes the run found against its baseline; null before the diff, or when there was none
 * @param summary the one-line summary of the run ("baseline", "1 host changed: ..."); null before the diff
 * @param baselineId the id of the snapshot this one was compared with; null when none
 * @param finished whether the run that made it finished: compared, and its notification handed to every notifier;
 *        a run that was stopped before is finished by the next run, so that no change goes unreported
 * @param unnotified the ids of the notifiers that failed to take this run's notification, to be given it again
 *        by the next run; never null
 */
public record Snapshot(String id, Instant start, boolean complete, List<String> targets, List<String> arguments, int hosts,
        Integer changes, String summary, String baselineId, boolean finished, List<String> unnotified) {

    /** Validates the fields and copies the lists. */
    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        targets = List.copyOf(targets);
        arguments = List.copyOf(arguments);
        unnotified = List.copyOf(unnotified);
    }

    /** A snapshot whose run finished when it has a summary, with every notifier told. */
    public Snapshot(String id, Instant start, boolean complete, List<String> targets, List<String> arguments, int hosts,
            Integer changes, String summary, String baselineId) {
        this(id, start, complete, targets, arguments, hosts, changes, summary, baselineId, summary != null, List.of());
    }

    /** Returns whether this snapshot covers the same targets with the same arguments as another. */
    public boolean sameScopeAs(Snapshot other) {
        return targets.equals(other.targets) && arguments.equals(other.arguments);
    }

    /** Returns whether the store knows what this snapshot covers; not when its metadata was lost. */
    public boolean scopeKnown() {
        return !targets.isEmpty();
    }

    /** Returns whether the next run has to finish what this snapshot's run left undone. */
    public boolean needsFinishing() {
        return !finished || !unnotified.isEmpty();
    }

    /** Returns this snapshot with the outcome of its run's diff, finished, every notifier told. */
    public Snapshot withResult(Integer changeCount, String runSummary, String baseline) {
        return withRun(changeCount, runSummary, baseline, List.of());
    }

    /** Returns this snapshot with the outcome of its run, finished, and the notifiers still to tell. */
    public Snapshot withRun(Integer changeCount, String runSummary, String baseline, List<String> notifiersToTell) {
        return new Snapshot(id, start, complete, targets, arguments, hosts, changeCount, runSummary, baseline, true, notifiersToTell);
    }
}
