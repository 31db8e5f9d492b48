package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.memory.ScanSource;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The snapshots of a store as the monitor sees them: in the order they were taken, read as
 * scans, and thinned by retention. This is the policy that every {@link SnapshotStore} shares,
 * so that a store only keeps bytes. Thread-safe when the store is.
 */
public final class Snapshots {
    private static final Comparator<Snapshot> TAKEN = Comparator.comparing(Snapshot::takenAt).thenComparing(Snapshot::start);

    private final SnapshotStore store;
    private final NmapXmlReader reader = new NmapXmlReader();

    private Snapshots(SnapshotStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Returns the snapshots of a store.
     *
     * @param store the store, never null
     * @return the view, never null
     */
    public static Snapshots of(SnapshotStore store) {
        return new Snapshots(store);
    }

    /** Returns the store. */
    public SnapshotStore store() {
        return store;
    }

    /**
     * Returns every snapshot, oldest first: by {@link Snapshot#takenAt()}, then by start, then
     * in the store's own order.
     *
     * @return the snapshots, never null
     */
    public List<Snapshot> list() {
        return ordered(store.list());
    }

    /** Returns snapshots oldest first, as {@link #list()} orders them. */
    public static List<Snapshot> ordered(List<Snapshot> snapshots) {
        List<Snapshot> sorted = new ArrayList<>(snapshots);
        sorted.sort(TAKEN);
        return sorted;
    }

    /** Returns the newest snapshot, or empty for an empty store. */
    public Optional<Snapshot> latest() {
        List<Snapshot> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Returns one snapshot, or empty when there is none with that id. */
    public Optional<Snapshot> get(String id) {
        return store.get(Objects.requireNonNull(id, "id"));
    }

    /**
     * Reads a snapshot's scan.
     *
     * @param id the snapshot's id, never null
     * @return the scan, never null
     * @throws NmapDiffException when there is no such snapshot or it is not a readable scan; the message says where
     */
    public Scan read(String id) {
        return reader.read(store.openXml(id), store.location(id));
    }

    /**
     * Returns a snapshot's XML bytes, exactly as they were saved.
     *
     * @param id the snapshot's id, never null
     * @return the bytes, never null
     * @throws NmapDiffException when there is no such snapshot or it cannot be read
     */
    public byte[] readXml(String id) {
        try (InputStream in = store.openXml(id)) {
            return in.readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            throw new SnapshotStoreException("cannot read " + store.location(id) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the ids a policy removes from these snapshots, oldest first: those neither among
     * the last {@code keepLast} nor younger than {@code maxAge} at {@code now}. The newest complete
     * snapshot, the next run's baseline, always stays.
     *
     * @param snapshots the snapshots, oldest first
     * @param policy what to keep, never null
     * @param now the time ages are measured from, never null
     * @return the ids to remove, never null
     */
    public static List<String> expired(List<Snapshot> snapshots, RetentionPolicy policy, Instant now) {
        Set<String> keep = new HashSet<>();
        snapshots.stream().filter(Snapshot::complete).reduce((a, b) -> b).ifPresent(s -> keep.add(s.id()));
        policy.keepLast().ifPresent(n -> snapshots.subList(Math.max(0, snapshots.size() - n), snapshots.size())
                .forEach(s -> keep.add(s.id())));
        policy.maxAge().ifPresent(age -> snapshots.stream().filter(s -> s.takenAt().isAfter(now.minus(age)))
                .forEach(s -> keep.add(s.id())));
        return snapshots.stream().map(Snapshot::id).filter(id -> !keep.contains(id)).toList();
    }

    /**
     * Removes the snapshots a policy does not keep.
     *
     * @param policy what to keep, never null
     * @param now the time ages are measured from, never null
     * @return the ids removed, oldest first; never null
     * @throws NmapDiffException when one cannot be removed; those before it are gone
     */
    public List<String> applyRetention(RetentionPolicy policy, Instant now) {
        List<String> removed = expired(list(), policy, now);
        removed.forEach(store::delete);
        return removed;
    }

    /**
     * Returns a snapshot's scan as the memory reads it: from the store's plain file when it has
     * one (so that hosts that did not change are skipped unread), else from its bytes.
     *
     * @param id the snapshot's id, never null
     * @return the source, never null
     * @throws NmapDiffException when there is no such snapshot or it cannot be read
     */
    public ScanSource source(String id) {
        Optional<Path> file = store.localFile(id);
        return file.isPresent() ? ScanSource.of(file.get()) : ScanSource.of(readXml(id), store.location(id));
    }

    /**
     * Returns whether the memory has absorbed a snapshot: it absorbs them in the order taken, so
     * those up to the last it absorbed, in this order (two scans may start in the same second);
     * by time when that one is gone (retention).
     *
     * @param head where the memory stands; null before its first scan
     * @param snapshot the snapshot, never null
     * @param oldestFirst the snapshots, as {@link #list()} orders them
     * @return whether the memory has absorbed it
     */
    public static boolean absorbed(@Nullable MemoryHead head, Snapshot snapshot, List<Snapshot> oldestFirst) {
        if (head == null) {
            return false;
        }
        if (head.through().equals(snapshot.id())) {
            return true;
        }
        int through = -1;
        int at = -1;
        for (int i = 0; i < oldestFirst.size(); i++) {
            if (oldestFirst.get(i).id().equals(head.through())) {
                through = i;
            }
            if (oldestFirst.get(i).id().equals(snapshot.id())) {
                at = i;
            }
        }
        if (through >= 0 && at >= 0) {
            return at < through;
        }
        return snapshot.takenAt().isBefore(head.throughTime());
    }

    /**
     * Teaches a memory the snapshots it has not absorbed, oldest first, without telling anyone:
     * what the job would know had it absorbed each of them, with no rules. Those that cannot be
     * read are left out.
     *
     * @param memory the memory, never null
     * @param oldestFirst the snapshots, as {@link #list()} orders them
     * @param noise how to tell noise from news, never null
     * @return the ids of the snapshots that could not be read
     */
    public List<String> learn(NetworkMemory memory, List<Snapshot> oldestFirst, NoisePolicy noise) {
        return learn(memory, oldestFirst, noise, Rules.none(), ZoneId.systemDefault());
    }

    /**
     * Teaches a memory one snapshot, read from a source the caller has (its file elsewhere),
     * without telling anyone: as the night would have, with these rules. The memory must not
     * have absorbed it or anything taken after it.
     *
     * @param memory the memory, never null
     * @param snapshot the snapshot, as this store knows it; never null
     * @param source its scan, never null
     * @param noise how to tell noise from news, never null
     * @param rules the team's rules, never null
     * @param zone the zone whose days the rules' dates are in, never null
     * @return what the night found once the rules applied
     */
    public Triage learn(NetworkMemory memory, Snapshot snapshot, ScanSource source, NoisePolicy noise, Rules rules, ZoneId zone) {
        return NightRunner.learn(memory, snapshot.id(), source, snapshot.takenAt(), snapshot.scope(), noise, rules, zone);
    }

    /**
     * Teaches a memory the snapshots it has not absorbed, oldest first, without telling anyone:
     * what the job would know had it absorbed each of them with these rules (the nights keep
     * what the rules ignored and the severities they gave). Those that cannot be read are left
     * out.
     *
     * @param memory the memory, never null
     * @param oldestFirst the snapshots, as {@link #list()} orders them
     * @param noise how to tell noise from news, never null
     * @param rules the team's rules, never null
     * @param zone the zone whose days the rules' dates are in, never null
     * @return the ids of the snapshots that could not be read
     */
    public List<String> learn(NetworkMemory memory, List<Snapshot> oldestFirst, NoisePolicy noise, Rules rules, ZoneId zone) {
        List<String> unreadable = new ArrayList<>();
        for (Snapshot s : oldestFirst) {
            if (absorbed(memory.head().orElse(null), s, oldestFirst)) {
                continue;
            }
            try {
                NightRunner.learn(memory, s.id(), source(s.id()), s.takenAt(), s.scope(), noise, rules, zone);
            } catch (NmapDiffException e) {
                unreadable.add(s.id());
            }
        }
        return unreadable;
    }
}
