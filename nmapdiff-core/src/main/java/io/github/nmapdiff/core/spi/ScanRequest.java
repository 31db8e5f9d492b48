package io.github.nmapdiff.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to scan, for how long at most, and who hears of the progress. Immutable; made with
 * {@link #of(List)} and the {@code with} methods.
 */
public final class ScanRequest {
    private final List<String> targets;
    private final @Nullable Duration timeout;
    private final ScanListener listener;

    private ScanRequest(List<String> targets, @Nullable Duration timeout, ScanListener listener) {
        this.targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        if (this.targets.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one target");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Returns a request for targets with no time limit and no listener.
     *
     * @param targets the targets, one per element, in the engine's syntax (nmap: addresses, ranges, CIDR, names);
     *        never empty
     * @return the request, never null
     */
    public static ScanRequest of(List<String> targets) {
        return new ScanRequest(targets, null, ScanListener.NONE);
    }

    /** Returns this request with a time limit; null for none. */
    public ScanRequest withTimeout(@Nullable Duration limit) {
        return new ScanRequest(targets, limit, listener);
    }

    /** Returns this request with a listener. */
    public ScanRequest withListener(ScanListener newListener) {
        return new ScanRequest(targets, timeout, newListener);
    }

    /** Returns the targets, one per element; never empty. */
    public List<String> targets() {
        return targets;
    }

    /** Returns how long the scan may take before it is stopped and its partial result returned; null for no limit. */
    public @Nullable Duration timeout() {
        return timeout;
    }

    /** Returns who hears of progress; never null ({@link ScanListener#NONE} for nobody). */
    public ScanListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "ScanRequest[" + targets + (timeout == null ? "" : ", timeout " + timeout) + "]";
    }
}
