package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps scans as snapshots, finds them again by time, and forgets old ones: the SPI behind
 * {@code nmapdiff-store-fs}'s {@code FileSystemSnapshotStore}. Implementations must be
 * thread-safe; {@link #lock(Duration)} serialises whole runs, also across processes where the
 * store can. Every implementation should pass {@code SnapshotStoreContract} from the core's
 * test-jar.
 *
 * <p>This interface only grows by {@code default} methods.
 */
public interface SnapshotStore {

    /** Returns a short, unique, stable name of the store kind, such as {@code fs}; never null. */
    String id();

    /**
     * Keeps a scan. Either the whole snapshot is kept or nothing is: a failure leaves the
     * store as it was.
     *
     * @param snapshot the scan to keep, never null
     * @return what the store now knows of it, never null
     * @throws io.github.nmapdiff.core.NmapDiffException when it cannot be kept (a full disk, say); the message says what to do
     */
    Snapshot save(NewSnapshot snapshot);

    /**
     * Returns every snapshot, oldest first. Entries the store cannot make sense of are
     * skipped (and reported by the store), never fatal.
     *
     * @return the snapshots, never null
     */
    List<Snapshot> list();

    /**
     * Returns one snapshot.
     *
     * @param id the snapshot's id, never null
     * @return the snapshot, or empty when there is none with that id
     * @throws IllegalArgumentException when {@code id} is not an id of this store at all
     */
    Optional<Snapshot> get(String id);

    /**
     * Reads a snapshot's scan.
     *
     * @param id the snapshot's id, never null
     * @return the scan, never null
     * @throws io.github.nmapdiff.core.NmapDiffException when there is no such snapshot or it cannot be read
     */
    Scan read(String id);

    /**
     * Returns a snapshot's XML bytes, exactly as they were saved.
     *
     * @param id the snapshot's id, never null
     * @return the bytes, never null
     */
    byte[] readXml(String id);

    /**
     * Records the outcome of the run that made a snapshot: its change count and summary.
     *
     * @param snapshot the snapshot with the outcome, never null
     */
    void update(Snapshot snapshot);

    /**
     * Forgets the snapshots the policy does not keep; the newest complete one always stays.
     *
     * @param policy what to keep, never null
     * @return the ids of the snapshots removed, never null
     */
    List<String> applyRetention(RetentionPolicy policy);

    /** Returns the newest snapshot, or empty for an empty store. */
    default Optional<Snapshot> latest() {
        List<Snapshot> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Takes the store for one run, waiting at most {@code maxWait} for another run to finish.
     *
     * @param maxWait how long to wait, never null
     * @return the lock, to close when the run ends; never null
     * @throws io.github.nmapdiff.core.StoreLockedException when another run still holds the store after {@code maxWait}
     */
    default StoreLock lock(Duration maxWait) {
        return () -> { };
    }
}
