package io.github.nmapdiff.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * The scan of an earlier run that was killed before it could keep it: what the engine had
 * written by then, and the targets it was scanning. Made by {@link ScanEngine#recover()};
 * immutable.
 */
public final class RecoveredScan {
    private final List<String> targets;
    private final ScanResult result;

    private RecoveredScan(List<String> targets, ScanResult result) {
        this.targets = List.copyOf(targets);
        this.result = Objects.requireNonNull(result, "result");
    }

    /**
     * Returns a recovered scan.
     *
     * @param targets the targets the killed run scanned, never null
     * @param result what the engine had written, as an incomplete result; never null
     * @return the recovered scan, never null
     */
    public static RecoveredScan of(List<String> targets, ScanResult result) {
        return new RecoveredScan(targets, result);
    }

    /** Returns the targets the killed run scanned; never null. */
    public List<String> targets() {
        return targets;
    }

    /** Returns what the engine had written; never null. */
    public ScanResult result() {
        return result;
    }
}
