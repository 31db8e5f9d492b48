package io.github.nmapdiff.core.spi;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where a scan stands, as nmap reports it with {@code --stats-every}. Immutable; an engine
 * makes one with {@link #builder()}.
 */
public final class ScanProgress {
    private final @Nullable String task;
    private final double percent;
    private final @Nullable Duration remaining;
    private final @Nullable Duration elapsed;
    private final int hostsCompleted;
    private final int hostsUp;

    private ScanProgress(Builder b) {
        this.task = b.task;
        this.percent = b.percent;
        this.remaining = b.remaining;
        this.elapsed = b.elapsed;
        this.hostsCompleted = b.hostsCompleted;
        this.hostsUp = b.hostsUp;
    }

    /** Starts a report that knows nothing yet: no task, percent NaN, no times, no hosts. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the phase, such as {@code SYN Stealth Scan} or {@code Service scan}; may be null before the first report. */
    public @Nullable String task() {
        return task;
    }

    /** Returns how much of the phase is done, 0 to 100; NaN when not known. */
    public double percent() {
        return percent;
    }

    /** Returns the engine's estimate of the time left in the phase; null when not known. */
    public @Nullable Duration remaining() {
        return remaining;
    }

    /** Returns the time since the scan started; may be null. */
    public @Nullable Duration elapsed() {
        return elapsed;
    }

    /** Returns how many hosts are completely scanned. */
    public int hostsCompleted() {
        return hostsCompleted;
    }

    /** Returns how many hosts are up so far. */
    public int hostsUp() {
        return hostsUp;
    }

    @Override
    public String toString() {
        return "ScanProgress[" + task + ", " + percent + "%, remaining " + remaining + ", elapsed " + elapsed + ", "
                + hostsCompleted + " completed, " + hostsUp + " up]";
    }

    /** Builds a {@link ScanProgress}; not thread-safe. */
    public static final class Builder {
        private @Nullable String task;
        private double percent = Double.NaN;
        private @Nullable Duration remaining;
        private @Nullable Duration elapsed;
        private int hostsCompleted;
        private int hostsUp;

        private Builder() {
        }

        /** The phase, or null when nmap has not named one. */
        public Builder task(@Nullable String phase) {
            this.task = phase;
            return this;
        }

        /** How much of the phase is done, 0 to 100, or NaN. */
        public Builder percent(double done) {
            this.percent = done;
            return this;
        }

        /** The estimate of the time left in the phase, or null when nmap gave none. */
        public Builder remaining(@Nullable Duration left) {
            this.remaining = left;
            return this;
        }

        /** The time since the scan started, or null when unknown. */
        public Builder elapsed(@Nullable Duration since) {
            this.elapsed = since;
            return this;
        }

        /** How many hosts are completely scanned and how many are up so far. */
        public Builder hosts(int completed, int up) {
            this.hostsCompleted = completed;
            this.hostsUp = up;
            return this;
        }

        /** Returns the report. */
        public ScanProgress build() {
            return new ScanProgress(this);
        }
    }
}
