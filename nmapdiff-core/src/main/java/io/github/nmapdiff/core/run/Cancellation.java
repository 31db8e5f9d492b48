package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.spi.ScanRun;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Stops a {@link Monitor} run from another thread, such as a signal handler: a scan under
 * way is stopped gracefully and kept as an incomplete snapshot, and the run then records,
 * compares and notifies as usual, so that nothing it found is lost. A run that has not yet
 * started its scan does not start it.
 *
 * <p>Thread-safe. One instance serves one run at a time.
 */
public final class Cancellation {
    private static final @Nullable ScanRun NONE = null;

    private final AtomicReference<ScanRun> scan = new AtomicReference<>(NONE);
    /** The thread waiting for the store's lock, interrupted by a cancellation so that the wait ends at once. */
    private final AtomicReference<Thread> waiting = new AtomicReference<>();
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
        Thread waiter = waiting.get();
        if (waiter != null) {
            waiter.interrupt();
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

    /** The monitor waits for the store's lock in this thread; a cancellation interrupts the wait. */
    void waitStarted(Thread thread) {
        waiting.set(thread);
        if (cancelled) {
            thread.interrupt();
        }
    }

    /** The wait ended; an interrupt meant for it is cleared. */
    void waitEnded() {
        waiting.set(null);
        if (cancelled) {
            Thread.interrupted();
        }
    }

    void scanEnded() {
        scan.set(NONE);
    }
}
