package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.run.Snapshots;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps snapshots: the storage primitives behind {@code nmapdiff-store-fs}'s
 * {@code FileSystemSnapshotStore}. A store keeps bytes and what it is told of them; the
 * policy (which snapshot is the baseline, in what order they were taken, which ones
 * retention removes, parsing the XML) is the core's, in
 * {@link Snapshots}, so every store gets it right the same way.
 *
 * <p>Implementations must be thread-safe, and {@link #lock(Duration)} must exclude other runs
 * of the same store (across processes where the store can be shared by them). Every
 * implementation should pass {@code SnapshotStoreContract} of {@code nmapdiff-testkit}.
 *
 * <p>This interface only grows by {@code default} methods.
 */
public interface SnapshotStore {

    /** Returns a short, unique, stable name of the store kind, such as {@code fs}; never null. */
    String id();

    /**
     * Takes the store for one run, waiting at most {@code maxWait} for another run to finish.
     * While one run holds it, no other run of this store (in this process or, where the store is
     * shared by processes, in another) gets it.
     *
     * @param maxWait how long to wait, never null
     * @return the lock, to close when the run ends; never null
     * @throws StoreLockedException when another run still holds the store after {@code maxWait}
     */
    StoreLock lock(Duration maxWait);

    /**
     * Keeps a scan under a new id. Either the whole snapshot is kept or nothing is: a failure
     * leaves the store as it was. The id is the store's choice; two snapshots the store
     * holds never share one, also when their scans started at the same instant.
     *
     * @param snapshot the scan to keep, never null
     * @return what the store now knows of it ({@link NewSnapshot#toSnapshot} with the id and the time it was kept)
     * @throws NmapDiffException when it cannot be kept (a full disk, say); the message says what to do
     */
    Snapshot save(NewSnapshot snapshot);

    /**
     * Returns every snapshot the store holds, in any order (the core orders them by when they
     * were taken; among equal times, the store's order stays). Entries the store cannot make
     * sense of are skipped (and reported by the store), never fatal.
     *
     * @return the snapshots, never null
     */
    List<Snapshot> list();

    /**
     * Returns one snapshot.
     *
     * @param id the snapshot's id, never null
     * @return the snapshot, or empty when there is none with that id
     */
    default Optional<Snapshot> get(String id) {
        return list().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Opens a snapshot's XML, the bytes exactly as they were saved.
     *
     * @param id the snapshot's id, never null
     * @return the bytes, to close after reading; never null
     * @throws NmapDiffException when there is no such snapshot or it cannot be read
     */
    InputStream openXml(String id);

    /**
     * Names where a snapshot is, for messages: its file, say. The id by default.
     *
     * @param id the snapshot's id, never null
     * @return a short description, never null
     */
    default String location(String id) {
        return "snapshot " + id;
    }

    /**
     * Records what the run that made a snapshot found: everything a {@link Snapshot} says
     * beyond what {@link #save} was given (its change count, summary, baseline, whether its
     * run finished, the notifiers still to tell).
     *
     * @param snapshot the snapshot with the outcome, never null
     * @throws NmapDiffException when there is no such snapshot or it cannot be written
     */
    void update(Snapshot snapshot);

    /**
     * Returns where this store keeps the job's memory of the network, which outlives retention:
     * a host seen a year ago is not new when it answers again. A store that keeps none (the
     * default) makes the core learn the memory again from the snapshots it holds on every run,
     * forgetting what retention removed.
     *
     * @return the memory's store, or empty when this store keeps none
     */
    default Optional<MemoryStore> memory() {
        return Optional.empty();
    }

    /**
     * Returns a plain (not compressed) file that holds a snapshot's XML, for a reader that can
     * then skip what did not change instead of reading it all; empty (the default) when there is
     * none, and the core reads {@link #openXml}.
     *
     * @param id the snapshot's id, never null
     * @return the file, or empty
     */
    default Optional<Path> localFile(String id) {
        return Optional.empty();
    }

    /**
     * Forgets a snapshot: its XML and what the store knows of it. Nothing when there is none.
     *
     * @param id the snapshot's id, never null
     * @throws NmapDiffException when it cannot be removed
     */
    void delete(String id);
}
