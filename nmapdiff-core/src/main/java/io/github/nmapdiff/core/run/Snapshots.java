package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
     * Returns whether a snapshot is of a scope, or its scope is unknown (its metadata was lost):
     * the monitor takes such a snapshot as of the scope, so that a lost file hides no change.
     *
     * @param snapshot the snapshot, never null
     * @param targets the scope's targets, never null
     * @param arguments the scope's engine arguments, never null
     * @return whether it counts as of the scope
     */
    public static boolean inScope(Snapshot snapshot, List<String> targets, List<String> arguments) {
        return !snapshot.scopeKnown() || snapshot.targets().equals(targets) && snapshot.arguments().equals(arguments);
    }

    /**
     * Returns a memory of a scope learned from snapshots, oldest first, without findings: what the
     * job would know had it absorbed each of them. Snapshots of other scopes are left out, and so
     * are those that cannot be read.
     *
     * @param oldestFirst the snapshots, as {@link #list()} orders them
     * @param targets the scope's targets, never null
     * @param arguments the scope's engine arguments, never null
     * @param noise how to tell noise from news, never null
     * @return the memory, never null
     */
    public NetworkMemory learn(List<Snapshot> oldestFirst, List<String> targets, List<String> arguments, NoisePolicy noise) {
        NetworkMemory memory = NetworkMemory.empty(targets, arguments);
        for (Snapshot s : oldestFirst) {
            if (inScope(s, targets, arguments)) {
                try {
                    memory.absorb(s.id(), read(s.id()), s.takenAt(), noise, true);
                } catch (NmapDiffException e) {
                    // left out: a scan that cannot be read teaches nothing
                }
            }
        }
        return memory;
    }
}
