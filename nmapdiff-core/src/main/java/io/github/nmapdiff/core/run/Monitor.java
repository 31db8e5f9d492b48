package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.RunCancelledException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.memory.ScanSource;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.RecoveredScan;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.ScanListener;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One monitoring run, the job that cron starts every night: scan, keep the snapshot, and
 * complete the night (see {@link NightRunner}): compare it with its baseline (ndiff's diff) and
 * with the job's memory of the network ({@link NetworkMemory}: what to report, by severity, and
 * what to hold back as noise), apply the team's {@link Rules}, commit the night, tell every
 * notifier when there is something to report, and report.
 *
 * <ul>
 *   <li>The first run records a baseline and says so.</li>
 *   <li>An incomplete scan (timed out, cancelled, nmap stopped) is kept and marked, is never
 *       a baseline, and only the hosts it reached are compared: the others are not reported
 *       as removed.</li>
 *   <li>When the targets or the scan arguments change, what both scans cover is compared and
 *       the memory of it kept; what only one of them covers is now watched or no longer
 *       watched, never new or gone.</li>
 *   <li>A notifier that fails does not stop the others; the report says which failed, and
 *       the next run gives it the notification again.</li>
 *   <li>The store is locked for the whole run, so that overlapping runs (cron) take turns.</li>
 * </ul>
 *
 * The core logs nothing: everything a run has to say is in its {@link MonitorReport}.
 * Instances are immutable and thread-safe; runs on one store take turns through its lock.
 */
public final class Monitor {
    /** How far in the future a scan may say it started before the run warns of a wrong clock. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final ScanEngine engine;
    private final Scope scope;
    private final SnapshotStore store;
    private final Snapshots snapshots;
    private final Telling telling;
    private final @Nullable Duration timeout;
    private final Duration lockWait;
    private final ScanListener listener;
    private final @Nullable RetentionPolicy retention;
    private final Clock clock;
    private final NoisePolicy noise;
    private final NightRunner nights;

    private Monitor(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        if (b.targets.isEmpty()) {
            throw new IllegalArgumentException("a monitor needs at least one target");
        }
        this.scope = Scope.of(b.targets, engine.scope());
        this.store = Objects.requireNonNull(b.store, "store");
        this.snapshots = Snapshots.of(store);
        this.telling = new Telling(b.notifiers);
        this.timeout = b.timeout;
        this.lockWait = b.lockWait;
        this.listener = b.listener;
        this.retention = b.retention;
        this.clock = b.clock;
        this.noise = b.noise;
        this.nights = new NightRunner(store, telling, b.noise, b.rules, b.clock);
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the job once.
     *
     * @return what the run did, never null
     * @throws StoreLockedException when another run holds the store longer than the lock wait
     * @throws NmapDiffException when the scan fails or the snapshot cannot be kept; nothing was compared then
     */
    public MonitorReport run() {
        return run(Cancellation.create());
    }

    /**
     * Runs the job once; {@code cancellation} stops its scan from another thread (a signal
     * handler), and what the scan found by then is kept, compared and notified as an
     * incomplete scan.
     *
     * <p>What must survive comes first: the snapshot is kept before it is compared, and the
     * night is committed, with the notifiers still to tell, before any is told. A run that was
     * killed before its notifiers took their notification is finished by the next one, so a
     * change is reported at least once whatever is killed when.
     *
     * @param cancellation stops the run; never null
     * @return what the run did, never null
     * @throws RunCancelledException when it was cancelled before its scan started; nothing was scanned
     * @throws StoreLockedException when another run holds the store longer than the lock wait
     * @throws NmapDiffException when the scan fails or the snapshot cannot be kept; nothing was compared then
     */
    public MonitorReport run(Cancellation cancellation) {
        Objects.requireNonNull(cancellation, "cancellation");
        StoreLock held;
        cancellation.waitStarted(Thread.currentThread());
        try {
            held = store.lock(lockWait);
        } catch (StoreLockedException e) {
            if (cancellation.isCancelled()) {
                throw new RunCancelledException("stopped while waiting for another run to release the store's lock; nothing was scanned");
            }
            throw e;
        } finally {
            cancellation.waitEnded();
        }
        try (StoreLock lock = held) {
            List<String> warnings = new ArrayList<>();
            Map<String, NotifierFailure> retryFailures = telling.retryPending();
            recoverKilledScans(warnings);
            NetworkMemory memory = openMemory(warnings);
            List<String> finishedEarlier = catchUp(memory, warnings);
            if (cancellation.isCancelled()) {
                throw new RunCancelledException("stopped before the scan started; nothing was scanned");
            }

            ScanRun running = engine.start(ScanRequest.of(scope.targets()).withTimeout(timeout).withListener(listener));
            ScanResult result = await(running, cancellation);
            Snapshot snapshot = keep(result, warnings);
            warnings.addAll(result.warnings());
            if (!result.summary().complete()) {
                warnings.add("the scan is incomplete (" + describe(result.outcome()) + "): it is kept but is no baseline,"
                        + " and only the " + result.summary().hosts() + " hosts it reached are compared");
            }
            ScanResult.Outcome outcome = result.outcome();
            ScanSource source = source(snapshot, result);
            Supplier<byte[]> bytes = xml(snapshot, result);
            long length = result.xmlSize();
            result = null; // kept: a large scan's bytes need not stay in memory through the night
            running.kept();
            NightRunner.Completed night = nights.complete(memory, snapshot, source, bytes, length, warnings, telling.all());

            List<String> removed = retention == null ? List.of() : snapshots.applyRetention(retention, clock.instant());
            return new MonitorReport(night.verdict(), night.recorded(), outcome, warnings, night.told().deliveries(),
                    night.told().failures(), retryFailures, telling.pending(), finishedEarlier, removed);
        }
    }

    /** How large a scan's bytes may be for the run to keep them at hand; a larger one is read again from the store. */
    private static final int KEPT_AT_HAND = 1 << 20;

    /**
     * Tonight's scan as the memory reads it: from the store's file when it has one, so that a
     * large scan's bytes need not stay in memory through the night; as the engine read it when
     * the bytes do not index (a file nmap left empty, say).
     */
    private ScanSource source(Snapshot snapshot, ScanResult result) {
        boolean small = result.xmlSize() <= KEPT_AT_HAND;
        Supplier<Scan> read = small && result.xmlFile().isEmpty() ? result::scan : () -> snapshots.read(snapshot.id());
        Optional<Path> file = store.localFile(snapshot.id());
        return file.isPresent() ? ScanSource.of(file.get(), read)
                : ScanSource.of(result.xmlFile().isEmpty() ? result.xml() : snapshots.readXml(snapshot.id()), read);
    }

    /** Tonight's bytes for a notification: at hand when small, else read again from the store when a notifier asks. */
    private Supplier<byte[]> xml(Snapshot snapshot, ScanResult result) {
        byte[] small = result.xmlFile().isEmpty() && result.xmlSize() <= KEPT_AT_HAND ? result.xml() : null;
        return small != null ? () -> small : () -> snapshots.readXml(snapshot.id());
    }

    private static ScanResult await(ScanRun running, Cancellation cancellation) {
        cancellation.scanStarted(running);
        try {
            return running.await();
        } finally {
            cancellation.scanEnded();
        }
    }

    /** Keeps a scan as a snapshot, first of all: whatever happens next, it is not lost. */
    private Snapshot keep(ScanResult result, List<String> warnings) {
        // what must survive comes first: once kept, the engine may let go of its files
        Instant now = clock.instant();
        Instant start = result.summary().header().start() != null ? result.summary().header().start() : now;
        List<Snapshot> before = snapshots.list();
        Snapshot newest = before.isEmpty() ? null : before.get(before.size() - 1);
        if (newest != null && start.isBefore(newest.takenAt())) {
            warnings.add("this scan started at " + start + ", before the newest snapshot (" + newest.id() + ", " + newest.takenAt()
                    + "): this machine's clock went back, or that snapshot was taken while it was ahead; check the clock"
                    + " (timedatectl). The scan is compared with the night before it and learned as the newest all the same");
        }
        if (start.isAfter(now.plus(FUTURE_TOLERANCE))) {
            warnings.add("the scan says it started at " + start + ", later than this machine's clock (" + now
                    + "): one of the clocks is wrong; snapshots are ordered by when they were kept here");
        }
        return store.save(NewSnapshot.of(result, start, scope));
    }

    /** Keeps what runs killed during their scan had found, as incomplete snapshots. */
    private void recoverKilledScans(List<String> warnings) {
        for (RecoveredScan recovered : engine.recover()) {
            ScanResult result = recovered.result();
            boolean ended = result.outcome() == ScanResult.Outcome.COMPLETED && result.scan().complete();
            Scan scan = ended || !result.scan().complete() ? result.scan() : result.scan().asIncomplete();
            Instant start = scan.start() != null ? scan.start() : clock.instant();
            Snapshot kept = store.save(NewSnapshot.of(scan, result.xml(), start, Scope.of(recovered.targets(), scope.arguments())));
            warnings.add(ended ? "an earlier run was killed after its scan ended, before it kept it; the scan of its " + scan.hosts().size()
                    + " hosts is kept as the snapshot " + kept.id()
                    : "an earlier run was killed during its scan; the " + scan.hosts().size()
                    + " hosts it had finished are kept as the incomplete snapshot " + kept.id());
        }
    }

    /**
     * The memory the store keeps; learned again from the snapshots when it cannot be read or
     * was written by another version; for a store that keeps none, a memory of this run only,
     * learned from the snapshots it holds.
     */
    private NetworkMemory openMemory(List<String> warnings) {
        Optional<MemoryStore> kept = store.memory();
        if (kept.isEmpty()) {
            return NetworkMemory.inMemory();
        }
        MemoryStore memory = kept.get();
        try {
            Optional<MemoryHead> head = memory.head();
            if (head.isPresent() && head.get().version() != MemoryHead.VERSION) {
                warnings.add("the memory of the network was written by another version of nmapdiff; it is learned again from the"
                        + " snapshots held");
                memory.clear();
            }
        } catch (NmapDiffException e) {
            warnings.add("the memory of the network kept in the store cannot be read (" + message(e)
                    + "); it is learned again from the snapshots held");
            memory.clear();
        }
        return NetworkMemory.over(memory);
    }

    /**
     * Brings the memory up to the newest snapshot before tonight's scan: absorbs, silently,
     * snapshots whose runs reported already; completes those whose runs were stopped before
     * they could; gives again to notifiers what they failed to take.
     *
     * @return the ids of the snapshots whose runs were finished now
     */
    private List<String> catchUp(NetworkMemory memory, List<String> warnings) {
        List<String> finished = new ArrayList<>();
        List<Snapshot> all = snapshots.list();
        Set<String> learned = null;
        for (Snapshot s : all) {
            boolean absorbed = Snapshots.absorbed(memory.head().orElse(null), s, all);
            if (!absorbed) {
                // the order by time says no; the memory's nights say for sure (a clock that jumped reorders the snapshots)
                if (learned == null) {
                    learned = new HashSet<>();
                    for (Night n : memory.nights()) {
                        learned.add(n.snapshotId());
                    }
                }
                absorbed = learned.contains(s.id());
            }
            if (!absorbed && s.finished()) {
                try {
                    nights.learn(memory, s);
                } catch (NmapDiffException e) {
                    warnings.add("snapshot " + s.id() + " cannot be read and is left out of the memory of the network: " + message(e));
                    continue;
                }
            }
            String done = !absorbed && !s.finished() ? finishEarlier(memory, s, warnings, true)
                    : s.needsFinishing() ? finishEarlier(memory, s, warnings, false) : null;
            if (done != null) {
                finished.add(done);
            }
        }
        return finished;
    }

    /**
     * Reports an earlier run: compared and absorbed now, or told again from the night the memory
     * kept. Returns its snapshot's id, or null when there was no one left to tell.
     */
    private @Nullable String finishEarlier(NetworkMemory memory, Snapshot s, List<String> warnings, boolean absorb) {
        List<String> waiting = s.finished() ? s.unnotified() : telling.ids();
        telling.unknown(waiting).forEach(id -> warnings.add("snapshot " + s.id() + " was never given to notifier " + id
                + ", which is no longer configured"));
        List<Notifier> toTell = telling.named(waiting);
        if (s.finished() && toTell.isEmpty()) {
            store.update(s.withRun(s.changes(), s.summary(), s.baselineId(), List.of()));
            return null;
        }
        String why = s.finished() ? "which " + String.join(" and ", toTell.stream().map(Notifier::id).toList()) + " failed to take then"
                : "which was stopped before it could report";
        List<String> runWarnings = new ArrayList<>();
        runWarnings.add("this is the report of the run that kept snapshot " + s.id() + " (" + s.start() + "), " + why);
        NightRunner.Completed done;
        try {
            done = absorb ? nights.complete(memory, s, snapshots.source(s.id()), () -> snapshots.readXml(s.id()), -1, runWarnings, toTell)
                    : nights.retell(memory, s, toTell, runWarnings);
        } catch (NmapDiffException e) {
            warnings.add("snapshot " + s.id() + " was not reported by its run and cannot be read now: " + message(e));
            store.update(s.withRun(null, "unreadable: " + message(e), null, List.of()));
            return s.id();
        }
        warnings.add("reported the run of snapshot " + s.id() + ", " + why + ": " + done.verdict().summary());
        return s.id();
    }

    static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    private static String describe(ScanResult.Outcome outcome) {
        return switch (outcome) {
            case TIMED_OUT -> "the time limit ran out";
            case CANCELLED -> "it was stopped";
            case COMPLETED -> "nmap did not finish it";
        };
    }

    public static final class Builder {
        private @Nullable ScanEngine engine;
        private @Nullable SnapshotStore store;
        private final List<Notifier> notifiers = new ArrayList<>();
        private List<String> targets = List.of();
        private @Nullable Duration timeout;
        private Duration lockWait = Duration.ofMinutes(5);
        private ScanListener listener = ScanListener.NONE;
        private @Nullable RetentionPolicy retention;
        private Clock clock = Clock.systemDefaultZone();
        private NoisePolicy noise = NoisePolicy.defaults();
        private Rules rules = Rules.none();

        private Builder() {
        }

        /** The rules a team wrote down: what to ignore, what to expect, which severity to give; none by default. */
        public Builder rules(Rules teamRules) {
            this.rules = Objects.requireNonNull(teamRules, "teamRules");
            return this;
        }

        /**
         * How the job tells noise from news: how many complete scans confirm a removal, which
         * script output only tells the time. {@link NoisePolicy#defaults()} by default.
         */
        public Builder noise(NoisePolicy policy) {
            this.noise = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The scan engine. What its scans cover is its {@link ScanEngine#scope()} and the
         * targets: when either changes, the next run starts a new baseline instead of comparing.
         */
        public Builder engine(ScanEngine scanEngine) {
            this.engine = Objects.requireNonNull(scanEngine, "scanEngine");
            return this;
        }

        /** The snapshot store. */
        public Builder store(SnapshotStore snapshotStore) {
            this.store = Objects.requireNonNull(snapshotStore, "snapshotStore");
            return this;
        }

        /** Adds a notifier; each is told of every run that did not find "no changes". */
        public Builder notifier(Notifier notifier) {
            this.notifiers.add(Objects.requireNonNull(notifier, "notifier"));
            return this;
        }

        /** Adds notifiers. */
        public Builder notifiers(List<? extends Notifier> more) {
            more.forEach(this::notifier);
            return this;
        }

        /** The targets to scan. */
        public Builder targets(List<String> scanTargets) {
            this.targets = List.copyOf(scanTargets);
            return this;
        }

        /** How long a scan may take before it is stopped; null (the default) for no limit. */
        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** How long a run waits for another run on the same store; 5 minutes by default. */
        public Builder lockWait(Duration wait) {
            this.lockWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /** Who hears of the scan's progress. */
        public Builder listener(ScanListener scanListener) {
            this.listener = Objects.requireNonNull(scanListener, "scanListener");
            return this;
        }

        /** What to keep after each run; null (the default) keeps everything. */
        public Builder retention(RetentionPolicy policy) {
            this.retention = policy;
            return this;
        }

        /** The clock for times the scan does not give, and the zone of the ndiff text; the system's by default. */
        public Builder clock(Clock runClock) {
            this.clock = Objects.requireNonNull(runClock, "runClock");
            return this;
        }

        /** Builds the monitor. */
        public Monitor build() {
            return new Monitor(this);
        }
    }
}
