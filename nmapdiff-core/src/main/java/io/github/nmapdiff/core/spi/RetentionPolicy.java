package io.github.nmapdiff.core.spi;

import java.time.Duration;

/**
 * Which snapshots to keep: the last {@code keepLast}, and those younger than {@code maxAge};
 * a snapshot that either rule keeps stays. The newest complete snapshot, the baseline of the
 * next run, always stays.
 *
 * @param keepLast how many of the newest snapshots to keep; null for no such rule
 * @param maxAge how old a snapshot may be and still be kept; null for no such rule
 */
public record RetentionPolicy(Integer keepLast, Duration maxAge) {

    /** Validates the fields. */
    public RetentionPolicy {
        if (keepLast == null && maxAge == null) {
            throw new IllegalArgumentException("a retention policy needs keepLast, maxAge or both");
        }
        if (keepLast != null && keepLast < 1) {
            throw new IllegalArgumentException("keepLast must be at least 1: " + keepLast);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** Keeps the last {@code n} snapshots. */
    public static RetentionPolicy keepLast(int n) {
        return new RetentionPolicy(n, null);
    }

    /** Keeps the snapshots younger than {@code age}. */
    public static RetentionPolicy maxAge(Duration age) {
        return new RetentionPolicy(null, age);
    }
}
