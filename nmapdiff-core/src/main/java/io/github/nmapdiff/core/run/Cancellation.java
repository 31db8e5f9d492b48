package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.spi.ScanRun;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops a {@link Monitor} run from another thread, such as a signal handler: a scan under
 * way is stopped gracefully and kept as an incomplete snapshot, and the run then records,
 * compares and notifies as usual, so that nothing it found is lost. A run that has not yet
 * started its scan does not start it.
 *
 * <p>Thread-safe. One instance serves one run at a time.
 */
public final class Cancellation {
    private static final ScanRun NONE = null;

    private final AtomicReference<ScanRun> scan = new AtomicReference<>(NONE);
    private volatile boolean cancelled;

    private Cancellation() {
    }

    /** Returns a cancellation that has not been used. */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** Asks the run to stop: its scan, if one is running, is stopped and its partial result kept. Idempotent. */
    public void cancel() {
        cancelled = true;
        ScanRun running = scan.get();
        if (running != null) {
            running.cancel();
        }
    }

    /** Returns whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** The monitor tells which scan is running; a cancellation that came first stops it at once. */
    void scanStarted(ScanRun run) {
        scan.set(run);
        if (cancelled) {
            run.cancel();
        }
    }

    void scanEnded() {
        scan.set(NONE);
    }
}
