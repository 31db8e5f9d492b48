package io.github.nmapdiff.core;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffSummary;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.ScanListener;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
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
 * it with the newest complete snapshot of the same scope, tell every notifier, and report.
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
    private final ScanEngine engine;
    private final List<String> scopeArguments;
    private final SnapshotStore store;
    private final List<Notifier> notifiers;
    private final List<String> targets;
    private final Duration timeout;
    private final Duration lockWait;
    private final ScanListener listener;
    private final RetentionPolicy retention;
    private final Clock clock;

    private Monitor(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.scopeArguments = List.copyOf(b.scopeArguments);
        this.store = Objects.requireNonNull(b.store, "store");
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
        try (StoreLock lock = store.lock(lockWait)) {
            for (Notifier notifier : notifiers) {
                try {
                    notifier.retryPending();
                } catch (RuntimeException e) {
                    // the new notification below is tried all the same; its failure is reported
                }
            }
            ScanRequest request = new ScanRequest(targets, timeout, listener);
            ScanResult result = engine.scan(request);
            Scan scan = result.scan();
            Instant start = scan.start() != null ? scan.start() : clock.instant();
            Snapshot snapshot = store.save(new NewSnapshot(scan, result.xml(), start, targets, scopeArguments));
            List<String> warnings = new ArrayList<>(result.warnings());

            Baseline baseline = findBaseline(snapshot, warnings);
            MonitorReport.Kind kind;
            ScanDiff diff = null;
            String summary;
            if (!scan.complete()) {
                kind = MonitorReport.Kind.INCOMPLETE;
                warnings.add("the scan is incomplete (" + describe(result.outcome()) + "): it is kept but is no baseline,"
                        + " and only the " + scan.hosts().size() + " hosts it reached are compared");
                if (baseline != null) {
                    diff = ScanDiff.between(reachedOnly(baseline.scan, scan), scan);
                }
                summary = "incomplete scan" + (diff == null ? ", no baseline to compare with" : "; " + DiffSummary.of(diff));
            } else if (baseline == null) {
                Snapshot previous = store.list().stream()
                        .filter(s -> s.complete() && !s.id().equals(snapshot.id()) && !s.sameScopeAs(snapshot))
                        .reduce((first, second) -> second).orElse(null);
                kind = previous != null ? MonitorReport.Kind.SCOPE_CHANGED : MonitorReport.Kind.BASELINE;
                summary = previous != null
                        ? scopeChange(previous, snapshot) + " since snapshot " + previous.id()
                                + "; nothing compared, this scan is the new baseline"
                        : "baseline recorded: " + scan.hosts().size() + (scan.hosts().size() == 1 ? " host" : " hosts")
                                + ", nothing to compare with yet";
            } else {
                diff = ScanDiff.between(baseline.scan, scan);
                kind = diff.changes().isEmpty() ? MonitorReport.Kind.NO_CHANGES : MonitorReport.Kind.CHANGES;
                summary = DiffSummary.of(diff);
            }
            Snapshot recorded = snapshot.withResult(diff == null ? null : diff.changes().size(), summary,
                    baseline == null ? null : baseline.snapshot.id());
            store.update(recorded);

            Map<String, Delivery> deliveries = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            if (kind != MonitorReport.Kind.NO_CHANGES) {
                Notification notification = new Notification(kind, summary, recorded, baseline == null ? null : baseline.snapshot,
                        diff, diff == null ? "" : NdiffText.of(false, clock.getZone()).render(diff), result.xml(),
                        baseline == null ? null : store.readXml(baseline.snapshot.id()), warnings);
                for (Notifier notifier : notifiers) {
                    try {
                        deliveries.put(notifier.id(), Objects.requireNonNull(notifier.send(notification), "delivery"));
                    } catch (RuntimeException e) {
                        failures.put(notifier.id(), String.valueOf(e.getMessage()));
                    }
                }
            }
            if (retention != null) {
                store.applyRetention(retention);
            }
            return new MonitorReport(kind, recorded, baseline == null ? null : baseline.snapshot, diff, summary,
                    result.outcome(), warnings, deliveries, failures);
        }
    }

    private record Baseline(Snapshot snapshot, Scan scan) {
    }

    /** The newest complete snapshot of the same scope that can be read; unreadable ones are skipped with a warning. */
    private Baseline findBaseline(Snapshot current, List<String> warnings) {
        List<Snapshot> all = store.list();
        for (int i = all.size() - 1; i >= 0; i--) {
            Snapshot candidate = all.get(i);
            if (candidate.id().equals(current.id()) || !candidate.complete() || !candidate.sameScopeAs(current)) {
                continue;
            }
            try {
                return new Baseline(candidate, store.read(candidate.id()));
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
            case CANCELLED -> "it was cancelled";
            case COMPLETED -> "nmap did not finish it";
        };
    }

    /** Builds a {@link Monitor}; not thread-safe. */
    public static final class Builder {
        private ScanEngine engine;
        private List<String> scopeArguments = List.of();
        private SnapshotStore store;
        private final List<Notifier> notifiers = new ArrayList<>();
        private List<String> targets = List.of();
        private Duration timeout;
        private Duration lockWait = Duration.ofMinutes(5);
        private ScanListener listener = ScanListener.NONE;
        private RetentionPolicy retention;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /**
         * The scan engine, and the arguments that decide what its scans cover: when they change,
         * the next run starts a new baseline instead of comparing.
         */
        public Builder engine(ScanEngine scanEngine, List<String> arguments) {
            this.engine = Objects.requireNonNull(scanEngine, "scanEngine");
            this.scopeArguments = List.copyOf(arguments);
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
