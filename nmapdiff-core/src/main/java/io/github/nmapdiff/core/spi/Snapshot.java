package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store knows of one kept scan, without the scan itself. Immutable. A store makes
 * one with {@link #builder(String, Instant)}, so that later versions can add what a
 * snapshot knows without breaking any store.
 */
public final class Snapshot {
    private final String id;
    private final Instant start;
    private final Instant savedAt;
    private final boolean complete;
    private final List<String> targets;
    private final List<String> arguments;
    private final int hosts;
    private final @Nullable Integer changes;
    private final @Nullable String summary;
    private final @Nullable String baselineId;
    private final boolean finished;
    private final List<String> unnotified;

    private Snapshot(Builder b) {
        this.id = b.id;
        this.start = b.start;
        this.savedAt = b.savedAt != null ? b.savedAt : b.start;
        this.complete = b.complete;
        this.targets = List.copyOf(b.targets);
        this.arguments = List.copyOf(b.arguments);
        this.hosts = b.hosts;
        this.changes = b.changes;
        this.summary = b.summary;
        this.baselineId = b.baselineId;
        this.finished = b.finished;
        this.unnotified = List.copyOf(b.unnotified);
    }

    /**
     * Starts a snapshot description: complete, no targets or arguments (scope unknown), no
     * hosts, kept when it started, its run not finished.
     *
     * @param id the snapshot's id in its store; never null, not blank
     * @param start when the scan started; never null
     * @return the builder, never null
     */
    public static Builder builder(String id, Instant start) {
        return new Builder(id, start);
    }

    /** Returns a builder holding everything this snapshot says, to change some of it. */
    public Builder toBuilder() {
        return new Builder(id, start).savedAt(savedAt).complete(complete).scope(targets, arguments).hosts(hosts)
                .run(changes, summary, baselineId).finished(finished).unnotified(unnotified);
    }

    /** Returns the snapshot's id in its store; never null. */
    public String id() {
        return id;
    }

    /** Returns when the scan started (UTC); never null. */
    public Instant start() {
        return start;
    }

    /** Returns when the store kept it, by the store's clock; never null (the start when the store does not know). */
    public Instant savedAt() {
        return savedAt;
    }

    /**
     * Returns when the snapshot counts as taken, for order and age: the earlier of its start
     * and when it was kept. A scan that says it started in the future (a wrong clock) then
     * neither stays the newest for ever nor outlives recent ones, and a scan kept long after it
     * ran (imported) still counts by when it ran.
     */
    public Instant takenAt() {
        return savedAt.isBefore(start) ? savedAt : start;
    }

    /** Returns whether nmap finished the scan; an incomplete snapshot is never a baseline. */
    public boolean complete() {
        return complete;
    }

    /** Returns what the scan covers; {@link Scope#unknown()} when the store no longer knows (its metadata was lost). */
    public Scope scope() {
        return Scope.of(targets, arguments);
    }

    /** Returns the targets scanned; never null; empty when the store no longer knows them (its metadata was lost). */
    public List<String> targets() {
        return targets;
    }

    /** Returns the engine's arguments that decide what a scan covers (nmap's options); never null. */
    public List<String> arguments() {
        return arguments;
    }

    /** Returns how many hosts the scan holds. */
    public int hosts() {
        return hosts;
    }

    /** Returns how many findings the run reported; null before its run was recorded, or when nothing was compared. */
    public @Nullable Integer changes() {
        return changes;
    }

    /** Returns the one-line summary of the run ("baseline", "1 host changed: ..."); null before the diff. */
    public @Nullable String summary() {
        return summary;
    }

    /** Returns the id of the snapshot this one was compared with; null when none. */
    public @Nullable String baselineId() {
        return baselineId;
    }

    /**
     * Returns whether the run that made it finished: compared, and its notification handed to
     * every notifier. A run that was stopped before is finished by the next run, so that no
     * change goes unreported.
     */
    public boolean finished() {
        return finished;
    }

    /** Returns the ids of the notifiers that failed to take this run's notification, to be given it again; never null. */
    public List<String> unnotified() {
        return unnotified;
    }

    /** Returns whether this snapshot covers the same targets with the same arguments as another. */
    public boolean sameScopeAs(Snapshot other) {
        return targets.equals(other.targets) && arguments.equals(other.arguments);
    }

    /** Returns whether the store knows what this snapshot covers; not when its metadata was lost. */
    public boolean scopeKnown() {
        return !targets.isEmpty();
    }

    /** Returns whether the next run has to finish what this snapshot's run left undone. */
    public boolean needsFinishing() {
        return !finished || !unnotified.isEmpty();
    }

    /** Returns this snapshot with the outcome of its run, finished, and the notifiers still to tell. */
    public Snapshot withRun(@Nullable Integer changeCount, @Nullable String runSummary, @Nullable String baseline, List<String> notifiersToTell) {
        return toBuilder().run(changeCount, runSummary, baseline).finished(true).unnotified(notifiersToTell).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && id.equals(s.id) && start.equals(s.start) && savedAt.equals(s.savedAt)
                && complete == s.complete && targets.equals(s.targets) && arguments.equals(s.arguments) && hosts == s.hosts
                && Objects.equals(changes, s.changes) && Objects.equals(summary, s.summary)
                && Objects.equals(baselineId, s.baselineId) && finished == s.finished && unnotified.equals(s.unnotified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, start, complete, hosts, summary);
    }

    @Override
    public String toString() {
        return "Snapshot[" + id + ", start " + start + (complete ? "" : ", incomplete") + ", " + hosts + " hosts"
                + (summary == null ? "" : ", " + summary) + (finished ? "" : ", unfinished")
                + (unnotified.isEmpty() ? "" : ", unnotified " + unnotified) + "]";
    }

    /** Builds a {@link Snapshot}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Instant start;
        private @Nullable Instant savedAt;
        private boolean complete = true;
        private List<String> targets = List.of();
        private List<String> arguments = List.of();
        private int hosts;
        private @Nullable Integer changes;
        private @Nullable String summary;
        private @Nullable String baselineId;
        private boolean finished;
        private List<String> unnotified = List.of();

        private Builder(String id, Instant start) {
            this.id = Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a snapshot id must not be blank");
            }
            this.start = Objects.requireNonNull(start, "start");
        }

        /** When the store kept it, by the store's clock; the start when not set. */
        public Builder savedAt(Instant kept) {
            this.savedAt = kept;
            return this;
        }

        /** Whether nmap finished the scan; true when not set. */
        public Builder complete(boolean finishedScan) {
            this.complete = finishedScan;
            return this;
        }

        /** What the scan covers. */
        public Builder scope(Scope covered) {
            return scope(covered.targets(), covered.arguments());
        }

        /** What the scan covers: its targets and the engine's arguments that decide the scope. */
        public Builder scope(List<String> scanTargets, List<String> scopeArguments) {
            this.targets = List.copyOf(scanTargets);
            this.arguments = List.copyOf(scopeArguments);
            return this;
        }

        /** How many hosts the scan holds. */
        public Builder hosts(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("hosts must be at least 0: " + count);
            }
            this.hosts = count;
            return this;
        }

        /** The outcome of the run: how many findings it reported, its summary and the baseline's id; each may be null. */
        public Builder run(@Nullable Integer changeCount, @Nullable String runSummary, @Nullable String baseline) {
            this.changes = changeCount;
            this.summary = runSummary;
            this.baselineId = baseline;
            return this;
        }

        /** Whether the run finished; false when not set. */
        public Builder finished(boolean runFinished) {
            this.finished = runFinished;
            return this;
        }

        /** The notifiers that still have to be told; none when not set. */
        public Builder unnotified(List<String> notifierIds) {
            this.unnotified = List.copyOf(notifierIds);
            return this;
        }

        /** Returns the snapshot. */
        public Snapshot build() {
            return new Snapshot(this);
        }
    }
}
