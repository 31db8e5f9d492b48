package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * What one scan told the memory: the night's count of findings by severity (before rules) and
 * what it held back. A value the memory makes; it may gain components in a later version.
 *
 * @param snapshotId the scan's snapshot; never null
 * @param when when the scan was taken; never null
 * @param complete whether the scan was complete
 * @param baseline whether it was the first scan the memory learned from (it counts no findings)
 * @param findings how many findings by severity; never null, only those above 0
 * @param heldBack what was held back; never null
 */
public record Night(String snapshotId, Instant when, boolean complete, boolean baseline, Map<Severity, Integer> findings,
        HeldBack heldBack) {

    /** Copies the map. */
    public Night {
        findings = Map.copyOf(findings);
    }

    /** Returns how many findings the night had. */
    public int findingCount() {
        return findings.values().stream().mapToInt(Integer::intValue).sum();
    }
}
