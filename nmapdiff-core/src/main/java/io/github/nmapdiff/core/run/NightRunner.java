package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.diff.FileDiff;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.memory.Absorbed;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.memory.ScanSource;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One night of the job, the same whichever run completes it (tonight's, or the next run
 * finishing one that was killed): compare the snapshot with its baseline (ndiff's diff), absorb
 * it into the memory, apply the team's rules, commit the night, tell the notifiers, record
 * what became of it. What must survive comes first: the night is committed, with the
 * notifiers still to tell, before any of them is told. Immutable.
 */
final class NightRunner {
    private final SnapshotStore store;
    private final Snapshots snapshots;
    private final Telling telling;
    private final NoisePolicy noise;
    private final Rules rules;
    private final Clock clock;

    NightRunner(SnapshotStore store, Telling telling, NoisePolicy noise, Rules rules, Clock clock) {
        this.store = store;
        this.snapshots = Snapshots.of(store);
        this.telling = telling;
        this.noise = noise;
        this.rules = rules;
        this.clock = clock;
    }

    /** What a night's run did: the snapshot as recorded, what it found, what the notifiers did. */
    record Completed(Snapshot recorded, Verdict verdict, Telling.Told told) {
    }

    /**
     * Completes a snapshot the memory has not absorbed: compared, absorbed, committed, told,
     * recorded.
     *
     * @param xml the scan's bytes, read only for a notification
     * @param xmlSize their size, or -1 when not known
     * @param warnings what the run warned of so far; the night adds to it
     * @param toTell the notifiers to tell
     */
    Completed complete(NetworkMemory memory, Snapshot s, ScanSource source, Supplier<byte[]> xml, long xmlSize, List<String> warnings,
            List<Notifier> toTell) {
        Absorbed absorbed = memory.absorb(s.id(), source, s.takenAt(), s.scope(), noise);
        Triage triage = triage(memory, absorbed, rules, s.takenAt(), clock.getZone());
        String previousNight = memory.head().map(MemoryHead::through).orElse(null);
        Compared compared = absorbed.first() ? null : compare(s, baselines(s, triage, previousNight), removals(triage), warnings);
        Snapshot baseline = compared == null ? null : compared.baseline();
        ScanDiff ndiff = compared == null ? null : compared.ndiff();
        if (baseline != null && !baseline.scopeKnown()) {
            warnings.add("the metadata of snapshot " + baseline.id() + " is lost or unreadable, so its targets and"
                    + " arguments are unknown; it is compared with all the same, as the newest complete scan");
        }
        Verdict verdict = absorbed.first() ? Verdict.baseline(s.hosts(), s.complete())
                : Verdict.of(s.complete(), baseline, ndiff, triage, absorbed.scopeChange());
        List<Notifier> told = worthTelling(verdict) ? toTell : List.of();
        Snapshot recorded = record(s, verdict, told.stream().map(Notifier::id).toList());
        memory.commit(withRules(absorbed.update(triage), rules).recording(recorded));
        store.update(recorded);
        return tell(recorded, verdict, xml, xmlSize, warnings, told);
    }

    /**
     * Absorbs a snapshot whose run has reported already, and tells no one: the memory learns
     * it (it was lost, or the store keeps none). Its record stays as its run left it.
     */
    void learn(NetworkMemory memory, Snapshot s) {
        learn(memory, s.id(), snapshots.source(s.id()), s.takenAt(), s.scope(), noise, rules, clock.getZone());
    }

    /**
     * Absorbs a scan into a memory, applies the rules and commits the night with them, as the
     * night would have: the one way a memory learns what no one is told.
     *
     * @return what the night found
     */
    static Triage learn(NetworkMemory memory, String id, ScanSource source, Instant takenAt, Scope scope, NoisePolicy noise,
            Rules rules, ZoneId zone) {
        Absorbed absorbed = memory.absorb(id, source, takenAt, scope, noise);
        Triage triage = triage(memory, absorbed, rules, takenAt, zone);
        memory.commit(withRules(absorbed.update(triage), rules));
        return triage;
    }

    /** What a scan absorbed found once the rules applied: nothing for the first, the baseline. */
    private static Triage triage(NetworkMemory memory, Absorbed absorbed, Rules rules, Instant takenAt, ZoneId zone) {
        if (absorbed.first()) {
            return Triage.none();
        }
        Instant previous = memory.throughTime();
        return rules.apply(absorbed, memory, takenAt.atZone(zone).toLocalDate(), previous == null ? null : previous.atZone(zone).toLocalDate());
    }

    /** The night with the text of the rules that applied to it, for the questions asked of the memory later. */
    private static MemoryUpdate withRules(MemoryUpdate update, Rules rules) {
        return update.withHead(update.head().withAttribute(MemoryHead.RULES, rules.source().orElse(null))
                .withAttribute(MemoryHead.EXPECTATIONS, rules.expectations()));
    }

    /**
     * Tells notifiers again what a night the memory absorbed found, from the night it kept: its
     * run did not reach them (it was killed, or they failed).
     */
    Completed retell(NetworkMemory memory, Snapshot s, List<Notifier> toTell, List<String> warnings) {
        Optional<Night> kept = memory.nights().stream().filter(n -> n.snapshotId().equals(s.id())).reduce((a, b) -> b);
        if (kept.isEmpty()) {
            warnings.add("the notification of snapshot " + s.id() + " cannot be made again: the memory no longer has its night");
            Snapshot recorded = s.withRun(s.changes(), s.summary(), s.baselineId(), List.of());
            store.update(recorded);
            return new Completed(recorded, Verdict.given(RunKind.NO_CHANGES, String.valueOf(s.summary()), null, null, Triage.none()),
                    Telling.Told.NOTHING);
        }
        Night night = kept.get();
        Snapshot baseline = s.baselineId() == null ? null : snapshots.get(s.baselineId()).orElse(null);
        ScanDiff ndiff = baseline == null ? null : diff(baseline, s, warnings);
        if (ndiff == null) {
            baseline = null;
        }
        Verdict verdict = night.baseline() ? Verdict.baseline(s.hosts(), s.complete())
                : Verdict.of(s.complete(), baseline, ndiff, night.triage(), null);
        if (s.summary() != null) {
            verdict = verdict.withSummary(s.summary());
        }
        Snapshot recorded = record(s, verdict, toTell.stream().map(Notifier::id).toList());
        store.update(recorded);
        return tell(recorded, verdict, () -> snapshots.readXml(s.id()), -1, warnings, worthTelling(verdict) ? toTell : List.of());
    }

    private Completed tell(Snapshot recorded, Verdict verdict, Supplier<byte[]> xml, long xmlSize, List<String> warnings,
            List<Notifier> toTell) {
        if (toTell.isEmpty()) {
            return new Completed(recorded, verdict, Telling.Told.NOTHING);
        }
        Snapshot baseline = verdict.baseline();
        Notification.Builder n = Notification.builder(recorded, verdict).xml(xml, xmlSize).warnings(warnings);
        if (verdict.ndiff() != null) {
            n.ndiffText(NdiffText.of(false, clock.getZone()).render(verdict.ndiff()));
        }
        if (baseline != null) {
            n.baselineXml(() -> {
                try {
                    return snapshots.readXml(baseline.id());
                } catch (NmapDiffException e) {
                    warnings.add("the baseline " + baseline.id() + " cannot be attached: " + Monitor.message(e));
                    return null;
                }
            }, -1);
        }
        Telling.Told told = telling.tell(n.build(), toTell);
        Snapshot after = recorded.withRun(recorded.changes(), recorded.summary(), recorded.baselineId(), told.toRetry());
        store.update(after);
        return new Completed(after, verdict, told);
    }

    /** A night with nothing to report tells no one; every other does (a baseline, a changed scope, an incomplete scan). */
    private static boolean worthTelling(Verdict verdict) {
        return verdict.kind() != RunKind.NO_CHANGES;
    }

    private static Snapshot record(Snapshot s, Verdict verdict, List<String> toTell) {
        return s.withRun(verdict.kind() == RunKind.BASELINE ? null : verdict.findings().size(), verdict.summary(),
                verdict.baseline() == null ? null : verdict.baseline().id(), toTell);
    }

    /**
     * The snapshots ndiff may compare a scan with, the first choice first: the newest complete
     * one taken before it, then the older ones (when one cannot be read). When the night confirms
     * a removal, the newest complete one that still saw what was removed comes first, so that
     * ndiff's text shows the closure it reports.
     */
    private List<Snapshot> baselines(Snapshot s, Triage triage, @Nullable String previousNight) {
        List<Snapshot> all = snapshots.list();
        int at = indexOf(all, s);
        List<Snapshot> candidates = new ArrayList<>();
        for (int i = (at < 0 ? all.size() : at) - 1; i >= 0; i--) {
            if (all.get(i).complete()) {
                candidates.add(all.get(i));
            }
        }
        // the night the memory absorbed last comes first: by time it is the one before, unless a clock jumped
        for (Snapshot c : all) {
            if (c.id().equals(previousNight) && c.complete() && !c.id().equals(s.id())) {
                candidates.remove(c);
                candidates.add(0, c);
            }
        }
        Instant lastSeen = removals(triage).stream().map(Finding::lastSeen).filter(t -> t != null).min(Instant::compareTo).orElse(null);
        if (lastSeen != null) {
            candidates.stream().filter(c -> !c.takenAt().isAfter(lastSeen)).findFirst().ifPresent(sawIt -> {
                // with it, those taken in the same second: nmap's start time cannot tell them apart
                List<Snapshot> sameTime = candidates.stream().filter(c -> c.takenAt().equals(sawIt.takenAt())).toList();
                candidates.removeAll(sameTime);
                candidates.addAll(0, sameTime);
            });
        }
        return candidates;
    }

    /** The removals a night confirms: the closures and vanished hosts ndiff's text should show. */
    private static List<Finding> removals(Triage triage) {
        return triage.findings().stream().filter(f -> f.kind() == Finding.Kind.PORT_GONE || f.kind() == Finding.Kind.HOST_GONE).toList();
    }

    /** A scan compared with its baseline. */
    private record Compared(Snapshot baseline, ScanDiff ndiff) {
    }

    /**
     * The scan compared with the first candidate that can be read; when the night confirms
     * removals and candidates taken in the same second as that one follow, with the first of
     * them whose diff shows a removal (the one that still saw it), so that the text ndiff gives
     * is the closure's evidence.
     */
    private @Nullable Compared compare(Snapshot s, List<Snapshot> candidates, List<Finding> removals, List<String> warnings) {
        Compared first = null;
        for (Snapshot candidate : candidates) {
            if (first != null && !candidate.takenAt().equals(first.baseline().takenAt())) {
                break;
            }
            ScanDiff d = diff(candidate, s, warnings);
            if (d == null) {
                continue;
            }
            Compared it = new Compared(candidate, d);
            if (removals.isEmpty() || shows(d, removals)) {
                return it;
            }
            if (first == null) {
                first = it;
            }
        }
        return first;
    }

    /** Whether a diff has a change on a host whose port or self the night reports gone. */
    private static boolean shows(ScanDiff d, List<Finding> removals) {
        Set<String> hosts = new HashSet<>();
        removals.forEach(f -> hosts.add(f.address()));
        return d.changes().stream().anyMatch(c -> c.host() != null && c.host().addresses().stream().anyMatch(hosts::contains));
    }

    private static int indexOf(List<Snapshot> all, Snapshot s) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(s.id())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * ndiff's diff of a scan against its baseline: of the hosts an incomplete scan reached only;
     * of two plain files by the pass that reads only the hosts that changed.
     */
    private @Nullable ScanDiff diff(Snapshot baseline, Snapshot s, List<String> warnings) {
        try {
            if (!s.complete()) {
                Scan partial = snapshots.read(s.id());
                return ScanDiff.between(reachedOnly(snapshots.read(baseline.id()), partial), partial);
            }
            Optional<Path> a = store.localFile(baseline.id());
            Optional<Path> b = store.localFile(s.id());
            if (a.isPresent() && b.isPresent()) {
                return FileDiff.between(a.get(), b.get());
            }
            return ScanDiff.between(snapshots.read(baseline.id()), snapshots.read(s.id()));
        } catch (NmapDiffException e) {
            warnings.add("snapshot " + baseline.id() + " cannot be read and is skipped as a baseline: " + Monitor.message(e));
            return null;
        }
    }

    /** The baseline cut to the hosts the incomplete scan reached, so that the others are not reported as removed. */
    private static Scan reachedOnly(Scan baseline, Scan partial) {
        Set<String> reached = new HashSet<>();
        for (Host h : partial.hosts()) {
            reached.add(String.valueOf(NdiffHost.of(h).id()));
        }
        return baseline.withHosts(baseline.hosts().stream().filter(h -> reached.contains(String.valueOf(NdiffHost.of(h).id()))).toList());
    }
}
