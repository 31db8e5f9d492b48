package io.github.nmapdiff.core.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which snapshots to keep: the last {@code keepLast}, and those younger than {@code maxAge};
 * a snapshot that either rule keeps stays. The newest complete snapshot, the baseline of the
 * next run, always stays. Immutable; made with {@link #keepLast(int)}, {@link #maxAge(Duration)}
 * or {@link #of(Integer, Duration)}.
 */
public final class RetentionPolicy {
    private final @Nullable Integer keepLast;
    private final @Nullable Duration maxAge;

    private RetentionPolicy(@Nullable Integer keepLast, @Nullable Duration maxAge) {
        if (keepLast == null && maxAge == null) {
            throw new IllegalArgumentException("a retention policy needs keepLast, maxAge or both");
        }
        if (keepLast != null && keepLast < 1) {
            throw new IllegalArgumentException("keepLast must be at least 1: " + keepLast);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        this.keepLast = keepLast;
        this.maxAge = maxAge;
    }

    /** Keeps the last {@code n} snapshots. */
    public static RetentionPolicy keepLast(int n) {
        return new RetentionPolicy(n, null);
    }

    /** Keeps the snapshots younger than {@code age}. */
    public static RetentionPolicy maxAge(Duration age) {
        return new RetentionPolicy(null, Objects.requireNonNull(age, "age"));
    }

    /**
     * Keeps the last {@code keepLast} and those younger than {@code maxAge}.
     *
     * @param keepLast how many of the newest snapshots to keep; null for no such rule
     * @param maxAge how old a snapshot may be and still be kept; null for no such rule
     * @return the policy, never null
     * @throws IllegalArgumentException when both are null, {@code keepLast} is below 1 or {@code maxAge} not positive
     */
    public static RetentionPolicy of(@Nullable Integer keepLast, @Nullable Duration maxAge) {
        return new RetentionPolicy(keepLast, maxAge);
    }

    /** Returns how many of the newest snapshots to keep, when that rule is set. */
    public Optional<Integer> keepLast() {
        return Optional.ofNullable(keepLast);
    }

    /** Returns how old a snapshot may be and still be kept, when that rule is set. */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionPolicy p && Objects.equals(keepLast, p.keepLast) && Objects.equals(maxAge, p.maxAge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keepLast, maxAge);
    }

    @Override
    public String toString() {
        return "RetentionPolicy[keepLast " + keepLast + ", maxAge " + maxAge + "]";
    }
}
