package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.NmapDiffException;

/** A scan that is running. Thread-safe: one thread may wait while another cancels. */
public interface ScanRun {

    /**
     * Waits for the scan to end and returns its result. If the waiting thread is interrupted,
     * the scan is cancelled, its result returned, and the interrupt flag set again.
     *
     * @return the result, never null; incomplete when the scan timed out or was cancelled
     * @throws NmapDiffException when the scan failed; the subclass says why
     */
    ScanResult await();

    /** Stops the scan gracefully, keeping what it found; does nothing once it has ended. */
    void cancel();

    /** Returns whether the scan has ended. */
    boolean isDone();

    /**
     * Says that the result was kept (its snapshot saved): the engine may now let go of what it
     * held for it, such as the file its XML is in. Until then, a run killed after its scan ended
     * leaves the result for {@link ScanEngine#recover()} to hand back. Does nothing by default.
     */
    default void kept() {
    }
}
