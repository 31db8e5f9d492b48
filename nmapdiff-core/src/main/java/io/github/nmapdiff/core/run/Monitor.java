package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.RunCancelledException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffSummary;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Notification;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One monitoring run, the job that cron starts every night: scan, keep the snapshot, compare
 * it with the newest complete snapshot of the same scope (ndiff's diff) and with the job's
 * memory of the network ({@link NetworkMemory}: what to report, by severity, and what to hold
 * back as noise), apply the team's {@link Rules}, tell every notifier when there is something
 * to report, and report.
 *
 * <ul>
 *   <li>The first run of a scope records a baseline and says so.</li>
 *   <li>An incomplete scan (timed out, cancelled, nmap stopped) is kept and marked, is never
 *       a baseline, and only the hosts it reached are compared: the others are not reported
 *       as removed.</li>
 *   <li>When the targets or the scan arguments changed since the last complete scan, the run
 *       says so and starts a new baseline, instead of reporting every host as new or gone.</li>
 *   <li>A notifier that fails does not stop the others; the report says which failed.</li>
 *   <li>The store is locked for the whole run, so that overlapping runs (cron) take turns.</li>
 * </ul>
 *
 * The core logs nothing: everything a run has to say is in its {@link MonitorReport}.
 * Instances are immutable and thread-safe; runs on one store take turns through its lock.
 */
public final class Monitor {
    /** How far in the future a scan may say it started before the run warns of a wrong clock. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    /** The name of the memory of the network in the store's state. */
    static final String MEMORY = "memory";

    private final ScanEngine engine;
    private final List<String> scopeArguments;
    private final SnapshotStore store;
    private final Snapshots snapshots;
    private final List<Notifier> notifiers;
    private final List<String> targets;
    private final Duration timeout;
    private final Duration lockWait;
    private final ScanListener listener;
    private final RetentionPolicy retention;
    private final Clock clock;
    private final NoisePolicy noise;
    private final Rules rules;

    private Monitor(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.scopeArguments = List.copyOf(engine.scope());
        this.store = Objects.requireNonNull(b.store, "store");
        this.snapshots = Snapshots.of(store);
        this.notifiers = List.copyOf(b.notifiers);
        this.targets = List.copyOf(b.targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a monitor needs at least one target");
        }
        this.timeout = b.timeout;
        this.lockWait = b.lockWait;
        this.listener = b.listener;
        this.retention = b.retention;
        this.clock = b.clock;
        this.noise = b.noise;
        this.rules = b.rules;
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
     * run is recorded as finished only once every notifier has taken its notification. A run
     * that was killed before that is finished by the next one (compared with the baseline it
     * had, and notified), so a change is reported at least once whatever is killed when.
     *
     * @param cancellation stops the run; never null
     * @return what the run did, never null
     * @throws RunCancelledException when it was cancelled before its scan started; nothing was scanned
     * @throws StoreLockedException when another run holds the store longer than the lock wait
     * @throws NmapDiffException when the scan fails or the snapshot cannot be kept; nothing was compared then
     */
    public MonitorReport run(Cancellation cancellation) {
        Objects.requireNonNull(cancellation, "cancellation");
        try (StoreLock lock = store.lock(lockWait)) {
            List<String> warnings = new ArrayList<>();
            Map<String, NotifierFailure> retryFailures = retryPending();
            recoverKilledScans(warnings);
            Memory memory = loadMemory(warnings);
            List<String> finishedEarlier = finishEarlierRuns(memory, warnings);
            if (cancellation.isCancelled()) {
                throw new RunCancelledException("stopped before the scan started; nothing was scanned");
            }

            ScanRun running = engine.start(ScanRequest.of(targets).withTimeout(timeout).withListener(listener));
            ScanResult result;
            cancellation.scanStarted(running);
            try {
                result = running.await();
            } finally {
                cancellation.scanEnded();
            }
            Scan scan = result.scan();
            Instant now = clock.instant();
            Instant start = scan.start() != null ? scan.start() : now;
            if (start.isAfter(now.plus(FUTURE_TOLERANCE))) {
                warnings.add("the scan says it started at " + start + ", later than this machine's clock (" + now
                        + "): one of the clocks is wrong; snapshots are ordered by when they were kept here");
            }
            Snapshot snapshot = store.save(NewSnapshot.of(scan, result.xml(), start, targets, scopeArguments));
            warnings.addAll(result.warnings());
            if (!scan.complete()) {
                warnings.add("the scan is incomplete (" + describe(result.outcome()) + "): it is kept but is no baseline,"
                        + " and only the " + scan.hosts().size() + " hosts it reached are compared");
            }

            List<Snapshot> all = snapshots.list();
            Evaluation run = triage(evaluate(snapshot, scan, all, warnings), memory, snapshot, scan, all);
            Told told = tell(run, snapshot, result.xml(), warnings, notifiers);
            Snapshot recorded = snapshot.withRun(run.diff == null ? null : run.diff.changes().size(), run.summary,
                    run.baseline == null ? null : run.baseline.id(), told.toRetry);
            store.update(recorded);
            saveMemory(memory, warnings);

            List<String> removed = retention == null ? List.of() : snapshots.applyRetention(retention, clock.instant());
            Map<String, Integer> pending = new LinkedHashMap<>();
            for (Notifier notifier : notifiers) {
                int waiting = notifier.pending();
                if (waiting > 0) {
                    pending.put(notifier.id(), waiting);
                }
            }
            return new MonitorReport(run.kind, recorded, run.baseline, run.diff, run.triage, run.summary, result.outcome(), warnings,
                    told.deliveries, told.failures, retryFailures, pending, finishedEarlier, removed);
        }
    }

    /** What a run found: its kind, its baseline, the diff, what the memory made of it, and the summary line. */
    private record Evaluation(RunKind kind, Snapshot baseline, ScanDiff diff, Triage triage, String summary) {
        Evaluation(RunKind kind, Snapshot baseline, ScanDiff diff, String summary) {
            this(kind, baseline, diff, Triage.none(), summary);
        }
    }

    /** The memory of the network as this run holds it; replaced when the scope changes. */
    private static final class Memory {
        NetworkMemory network;
        boolean changed;

        Memory(NetworkMemory network) {
            this.network = network;
        }
    }

    /**
     * What the notifiers did with a notification.
     *
     * @param failures why each failed, by notifier id
     * @param toRetry the notifiers to give it again on the next run: failed, but not refused for good
     */
    private record Told(Map<String, Delivery> deliveries, Map<String, NotifierFailure> failures, List<String> toRetry) {
    }

    private Map<String, NotifierFailure> retryPending() {
        Map<String, NotifierFailure> failures = new LinkedHashMap<>();
        for (Notifier notifier : notifiers) {
            try {
                notifier.retryPending();
            } catch (RuntimeException e) {
                failures.put(notifier.id(), NotifierFailure.of(notifier.id(), e));
            }
        }
        return failures;
    }

    /** Keeps what runs killed during their scan had found, as incomplete snapshots. */
    private void recoverKilledScans(List<String> warnings) {
        for (RecoveredScan recovered : engine.recover()) {
            ScanResult result = recovered.result();
            Scan scan = result.scan().complete() ? result.scan().asIncomplete() : result.scan();
            Instant start = scan.start() != null ? scan.start() : clock.instant();
            Snapshot kept = store.save(NewSnapshot.of(scan, result.xml(), start, recovered.targets(), scopeArguments));
            warnings.add("an earlier run was killed during its scan; the " + scan.hosts().size()
                    + " hosts it had finished are kept as the incomplete snapshot " + kept.id());
        }
    }

    /**
     * Finishes the runs that were stopped after keeping their snapshot but before every
     * notifier had their notification: compared with the baseline they had, and told.
     *
     * @return the ids of the snapshots whose runs were finished now
     */
    private List<String> finishEarlierRuns(Memory memory, List<String> warnings) {
        List<String> finished = new ArrayList<>();
        List<Snapshot> all = snapshots.list();
        for (int i = 0; i < all.size(); i++) {
            Snapshot earlier = all.get(i);
            if (!earlier.needsFinishing()) {
                catchUp(memory, earlier, all, warnings);
                continue;
            }
            List<Notifier> toTell = notifiers.stream()
                    .filter(n -> !earlier.finished() || earlier.unnotified().contains(n.id())).toList();
            // notifiers no longer configured are not waited for
            earlier.unnotified().stream().filter(id -> notifiers.stream().noneMatch(n -> n.id().equals(id)))
                    .forEach(id -> warnings.add("snapshot " + earlier.id() + " was never given to notifier " + id
                            + ", which is no longer configured"));
            if (earlier.finished() && toTell.isEmpty()) {
                store.update(earlier.withRun(earlier.changes(), earlier.summary(), earlier.baselineId(), List.of()));
                catchUp(memory, earlier, all, warnings);
                continue;
            }
            Scan scan;
            byte[] xml;
            try {
                scan = snapshots.read(earlier.id());
                xml = snapshots.readXml(earlier.id());
            } catch (NmapDiffException e) {
                warnings.add("snapshot " + earlier.id() + " was not reported by its run and cannot be read now: " + message(e));
                store.update(earlier.withRun(null, "unreadable: " + message(e), null, List.of()));
                continue;
            }
            String why = earlier.finished()
                    ? "which " + String.join(" and ", toTell.stream().map(Notifier::id).toList()) + " failed to take then"
                    : "which was stopped before it could report";
            List<String> runWarnings = new ArrayList<>();
            runWarnings.add("this is the report of the run that kept snapshot " + earlier.id() + " (" + earlier.start() + "), "
                    + why);
            Evaluation compared = evaluate(earlier, scan, all.subList(0, i), runWarnings);
            Evaluation run;
            if (!earlier.finished()) {
                run = triage(compared, memory, earlier, scan, all);
            } else {
                // its run absorbed it and told the others: what it found is rebuilt from the snapshots before it
                Memory before = new Memory(snapshots.learn(all.subList(0, i), targets, scopeArguments, noise));
                run = triage(compared, before, earlier, scan, all);
            }
            Told told = tell(run, earlier, xml, runWarnings, toTell);
            store.update(earlier.withRun(run.diff == null ? null : run.diff.changes().size(), run.summary,
                    run.baseline == null ? null : run.baseline.id(), told.toRetry));
            saveMemory(memory, warnings);
            warnings.add("reported the run of snapshot " + earlier.id() + ", " + why + ": " + run.summary);
            finished.add(earlier.id());
        }
        return finished;
    }

    /**
     * Compares a snapshot with its baseline: the newest complete snapshot of the same scope
     * among those before it. Deterministic, so that a run finished later finds what it would have.
     */
    private Evaluation evaluate(Snapshot snapshot, Scan scan, List<Snapshot> before, List<String> warnings) {
        List<Snapshot> candidates = before.stream().filter(s -> !s.id().equals(snapshot.id())).toList();
        Baseline baseline = findBaseline(snapshot, candidates, warnings);
        if (!scan.complete()) {
            ScanDiff diff = baseline == null ? null : ScanDiff.between(reachedOnly(baseline.scan, scan), scan);
            String summary = "incomplete scan" + (diff == null ? ", no baseline to compare with" : "; " + DiffSummary.of(diff));
            return new Evaluation(RunKind.INCOMPLETE, baseline == null ? null : baseline.snapshot, diff, summary);
        }
        if (baseline == null) {
            Snapshot previous = candidates.stream()
                    .filter(s -> s.complete() && s.scopeKnown() && !s.sameScopeAs(snapshot))
                    .reduce((first, second) -> second).orElse(null);
            if (previous != null) {
                return new Evaluation(RunKind.SCOPE_CHANGED, null, null, scopeChange(previous, snapshot)
                        + " since snapshot " + previous.id() + "; nothing compared, this scan is the new baseline");
            }
            return new Evaluation(RunKind.BASELINE, null, null, "baseline recorded: " + scan.hosts().size()
                    + (scan.hosts().size() == 1 ? " host" : " hosts") + ", nothing to compare with yet");
        }
        ScanDiff diff = ScanDiff.between(baseline.scan, scan);
        return new Evaluation(diff.changes().isEmpty() ? RunKind.NO_CHANGES : RunKind.CHANGES,
                baseline.snapshot, diff, DiffSummary.of(diff));
    }

    /** Gives a run's notification to notifiers; none for "no changes". */
    private Told tell(Evaluation run, Snapshot snapshot, byte[] xml, List<String> warnings, List<Notifier> toTell) {
        Map<String, Delivery> deliveries = new LinkedHashMap<>();
        Map<String, NotifierFailure> failures = new LinkedHashMap<>();
        if (run.kind == RunKind.NO_CHANGES || toTell.isEmpty()) {
            return new Told(deliveries, failures, List.of());
        }
        Notification.Builder built = Notification.builder(run.kind, run.summary, snapshot).xml(xml)
                .baseline(run.baseline, baselineXml(run, warnings)).warnings(warnings).triage(run.triage);
        if (run.diff != null) {
            built.diff(run.diff, NdiffText.of(false, clock.getZone()).render(run.diff));
        }
        Notification notification = built.build();
        List<String> toRetry = new ArrayList<>();
        for (Notifier notifier : toTell) {
            try {
                deliveries.put(notifier.id(), Objects.requireNonNull(notifier.send(notification), "delivery"));
            } catch (RuntimeException e) {
                NotifierFailure failure = NotifierFailure.of(notifier.id(), e);
                failures.put(notifier.id(), failure);
                if (!failure.refused()) {
                    toRetry.add(notifier.id());
                }
            }
        }
        return new Told(deliveries, failures, toRetry);
    }

    /** The baseline's bytes, read only for a notification: a large scan is not read twice on a quiet night. */
    private byte[] baselineXml(Evaluation run, List<String> warnings) {
        if (run.baseline == null) {
            return null;
        }
        try {
            return snapshots.readXml(run.baseline.id());
        } catch (NmapDiffException e) {
            warnings.add("the baseline " + run.baseline.id() + " cannot be attached: " + message(e));
            return null;
        }
    }

    // ---------------------------------------------------------------- the memory of the network

    /** Whether a snapshot covers this monitor's scope (or its scope is unknown, its metadata lost). */
    private boolean inScope(Snapshot s) {
        return Snapshots.inScope(s, targets, scopeArguments);
    }

    /**
     * Whether the memory has absorbed a snapshot: it absorbs them in the order taken, so those
     * up to the last it absorbed, in the store's order (two scans may start in the same second);
     * by time when that one is gone (retention).
     */
    private static boolean absorbed(NetworkMemory memory, Snapshot s, List<Snapshot> all) {
        if (memory.through() == null) {
            return false;
        }
        if (memory.through().equals(s.id())) {
            return true;
        }
        int through = -1;
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(memory.through())) {
                through = i;
            }
            if (all.get(i).id().equals(s.id())) {
                at = i;
            }
        }
        if (through >= 0 && at >= 0) {
            return at < through;
        }
        return s.takenAt().isBefore(memory.throughTime());
    }

    /**
     * The memory the store keeps, if it is of this scope; otherwise (none, unreadable, another
     * scope) a new one, learned from the snapshots of this scope that the store still holds.
     */
    private Memory loadMemory(List<String> warnings) {
        NetworkMemory kept = null;
        try {
            kept = store.readState(MEMORY).map(NetworkMemory::parse).orElse(null);
        } catch (RuntimeException e) {
            warnings.add("the memory of the network kept in the store cannot be read (" + message(e)
                    + "); it is learned again from the snapshots held");
        }
        if (kept != null && kept.targets().equals(targets) && kept.arguments().equals(scopeArguments)) {
            return new Memory(kept);
        }
        Memory fresh = new Memory(NetworkMemory.empty(targets, scopeArguments));
        fresh.changed = true;
        return fresh;
    }

    /** Absorbs, silently, a snapshot whose run has reported already, when the memory has not yet. */
    private void catchUp(Memory memory, Snapshot s, List<Snapshot> all, List<String> warnings) {
        if (!inScope(s) || absorbed(memory.network, s, all)) {
            return;
        }
        try {
            memory.network.absorb(s.id(), snapshots.read(s.id()), s.takenAt(), noise, true);
            memory.changed = true;
        } catch (NmapDiffException e) {
            warnings.add("snapshot " + s.id() + " cannot be read and is left out of the memory of the network: " + message(e));
        }
    }

    /**
     * What the memory makes of a compared scan: a baseline or a new scope teaches it silently;
     * otherwise its findings decide the run's kind (changes only when there is something to
     * report) and its summary.
     */
    private Evaluation triage(Evaluation compared, Memory memory, Snapshot snapshot, Scan scan, List<Snapshot> all) {
        if (compared.kind == RunKind.SCOPE_CHANGED) {
            memory.network = NetworkMemory.empty(targets, scopeArguments);
        }
        if (!inScope(snapshot) || absorbed(memory.network, snapshot, all)) {
            return compared;
        }
        boolean silent = compared.kind == RunKind.BASELINE || compared.kind == RunKind.SCOPE_CHANGED;
        Instant previous = memory.network.throughTime();
        Triage triage = memory.network.absorb(snapshot.id(), scan, snapshot.takenAt(), noise, silent);
        memory.changed = true;
        if (silent) {
            return compared;
        }
        triage = rules.apply(triage, memory.network, snapshot.takenAt().atZone(clock.getZone()).toLocalDate(),
                previous == null ? null : previous.atZone(clock.getZone()).toLocalDate());
        String found = findingsLine(triage);
        boolean ndiffSawChanges = compared.diff != null && !compared.diff.changes().isEmpty();
        if (!triage.hasFindings() && triage.heldBack().total() == 0) {
            found = ndiffSawChanges ? "nothing to report (ndiff: " + DiffSummary.of(compared.diff) + "; none of it exposes anything)"
                    : "no changes";
        }
        return switch (compared.kind) {
            case INCOMPLETE -> new Evaluation(RunKind.INCOMPLETE, compared.baseline, compared.diff, triage,
                    "incomplete scan; " + found);
            default -> new Evaluation(triage.hasFindings() ? RunKind.CHANGES : RunKind.NO_CHANGES, compared.baseline, compared.diff,
                    triage, found);
        };
    }

    /** The summary of a triage: {@code [high] 5432/tcp postgresql opened on db3 (192.0.2.201), +2 more; held back: ...}. */
    static String findingsLine(Triage triage) {
        StringBuilder line = new StringBuilder();
        if (triage.hasFindings()) {
            Finding first = triage.findings().get(0);
            line.append('[').append(first.severity().id()).append("] ").append(first.describe());
            if (triage.findings().size() > 1) {
                line.append(", +").append(triage.findings().size() - 1).append(" more");
            }
        } else {
            line.append("nothing to report");
        }
        if (triage.heldBack().total() > 0) {
            line.append("; held back: ").append(triage.heldBack().describe());
        }
        return line.toString();
    }

    private void saveMemory(Memory memory, List<String> warnings) {
        if (!memory.changed) {
            return;
        }
        try {
            store.writeState(MEMORY, memory.network.toBytes());
            memory.changed = false;
        } catch (NmapDiffException e) {
            warnings.add("the memory of the network cannot be kept (" + message(e) + "); the next run learns it again from the"
                    + " snapshots");
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    private record Baseline(Snapshot snapshot, Scan scan) {
    }

    /**
     * The newest complete snapshot of the same scope that can be read; unreadable ones are
     * skipped with a warning. One whose metadata was lost (its scope unknown) is taken too, and
     * the warning says so: a lost metadata file must not hide the changes since.
     */
    private Baseline findBaseline(Snapshot current, List<Snapshot> candidates, List<String> warnings) {
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Snapshot candidate = candidates.get(i);
            if (!candidate.complete() || (candidate.scopeKnown() && !candidate.sameScopeAs(current))) {
                continue;
            }
            try {
                Baseline found = new Baseline(candidate, snapshots.read(candidate.id()));
                if (!candidate.scopeKnown()) {
                    warnings.add("the metadata of snapshot " + candidate.id() + " is lost or unreadable, so its targets and"
                            + " arguments are unknown; it is compared with all the same, as the newest complete scan");
                }
                return found;
            } catch (NmapDiffException e) {
                warnings.add("snapshot " + candidate.id() + " cannot be read and is skipped as a baseline: " + e.getMessage());
            }
        }
        return null;
    }

    /** The baseline cut to the hosts the incomplete scan reached, so that the others are not reported as removed. */
    private static Scan reachedOnly(Scan baseline, Scan partial) {
        Set<String> reached = new HashSet<>();
        for (Host h : partial.hosts()) {
            reached.add(String.valueOf(NdiffHost.of(h).id()));
        }
        List<Host> kept = baseline.hosts().stream().filter(h -> reached.contains(String.valueOf(NdiffHost.of(h).id()))).toList();
        return baseline.withHosts(kept);
    }

    private static String scopeChange(Snapshot before, Snapshot now) {
        List<String> parts = new ArrayList<>();
        if (!before.targets().equals(now.targets())) {
            parts.add("the targets changed (" + String.join(" ", before.targets()) + " -> " + String.join(" ", now.targets()) + ")");
        }
        if (!before.arguments().equals(now.arguments())) {
            parts.add("the scan arguments changed (" + String.join(" ", before.arguments()) + " -> "
                    + String.join(" ", now.arguments()) + ")");
        }
        return String.join(" and ", parts);
    }

    private static String describe(ScanResult.Outcome outcome) {
        return switch (outcome) {
            case TIMED_OUT -> "the time limit ran out";
            case CANCELLED -> "it was stopped";
            case COMPLETED -> "nmap did not finish it";
        };
    }

    /** Builds a {@link Monitor}; not thread-safe. */
    public static final class Builder {
        private ScanEngine engine;
        private SnapshotStore store;
        private final List<Notifier> notifiers = new ArrayList<>();
        private List<String> targets = List.of();
        private Duration timeout;
        private Duration lockWait = Duration.ofMinutes(5);
        private ScanListener listener = ScanListener.NONE;
        private RetentionPolicy retention;
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
