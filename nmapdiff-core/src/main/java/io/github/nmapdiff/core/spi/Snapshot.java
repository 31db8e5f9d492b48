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
 * @param targets the targets scanned; never null
 * @param arguments the engine's arguments that decide what a scan covers (nmap's options); never null
 * @param hosts how many hosts the scan holds
 * @param changes how many changes the run found against its baseline; null before the diff, or when there was none
 * @param summary the one-line summary of the run ("baseline", "1 host changed: ..."); null before the diff
 * @param baselineId the id of the snapshot this one was compared with; null when none
 */
public record Snapshot(String id, Instant start, boolean complete, List<String> targets, List<String> arguments, int hosts,
        Integer changes, String summary, String baselineId) {

    /** Validates the fields and copies the lists. */
    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        targets = List.copyOf(targets);
        arguments = List.copyOf(arguments);
    }

    /** Returns whether this snapshot covers the same targets with the same arguments as another. */
    public boolean sameScopeAs(Snapshot other) {
        return targets.equals(other.targets) && arguments.equals(other.arguments);
    }

    /** Returns this snapshot with the outcome of its run's diff. */
    public Snapshot withResult(Integer changeCount, String runSummary, String baseline) {
        return new Snapshot(id, start, complete, targets, arguments, hosts, changeCount, runSummary, baseline);
    }
}
