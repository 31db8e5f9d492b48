package io.github.nmapdiff.core.support;

import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import java.util.Objects;

/**
 * A {@link ScanRun} whose scan has ended already: for an engine that scans synchronously, or
 * plays back a result it holds. Immutable and thread-safe.
 */
public final class FinishedScanRun implements ScanRun {
    private final ScanResult result;

    private FinishedScanRun(ScanResult result) {
        this.result = Objects.requireNonNull(result, "result");
    }

    /**
     * Returns a run that has ended with a result.
     *
     * @param result the result, never null
     * @return the run, never null
     */
    public static FinishedScanRun of(ScanResult result) {
        return new FinishedScanRun(result);
    }

    /** Returns the result at once. */
    @Override
    public ScanResult await() {
        return result;
    }

    /** Does nothing: the scan has ended. */
    @Override
    public void cancel() {
        // nothing runs any more
    }

    /** Returns true. */
    @Override
    public boolean isDone() {
        return true;
    }
}
