package io.github.nmapdiff.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to scan, for how long at most, and who hears of the progress.
 *
 * @param targets the targets, one per element, in the engine's syntax (nmap: addresses, ranges, CIDR, names); never empty
 * @param timeout how long the scan may take before it is stopped and its partial result returned; null for no limit
 * @param listener who hears of progress; never null ({@link ScanListener#NONE} for nobody)
 */
public record ScanRequest(List<String> targets, Duration timeout, ScanListener listener) {

    /** Validates the fields and copies the list. */
    public ScanRequest {
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one target");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Objects.requireNonNull(listener, "listener");
    }

    /**
     * Returns a request for targets with no time limit and no listener.
     *
     * @param targets the targets, never empty
     * @return the request, never null
     */
    public static ScanRequest of(List<String> targets) {
        return new ScanRequest(targets, null, ScanListener.NONE);
    }

    /** Returns this request with a time limit. */
    public ScanRequest withTimeout(Duration limit) {
        return new ScanRequest(targets, limit, listener);
    }

    /** Returns this request with a listener. */
    public ScanRequest withListener(ScanListener newListener) {
        return new ScanRequest(targets, timeout, newListener);
    }
}
