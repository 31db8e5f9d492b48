package io.github.nmapdiff.core.support;

import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SnapshotStore} in this process's memory, with the job's memory of the network beside
 * the snapshots: for tests of code that runs a {@link Monitor}, and
 * for a one-off comparison that needs no folder. Ids {@code mem-1}, {@code mem-2}, ...; a lock
 * that excludes other runs in this JVM. It passes the testkit's store and memory contracts.
 * Thread-safe.
 */
public final class InMemorySnapshotStore implements SnapshotStore {
    private final Clock clock;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, byte[]> xml = new LinkedHashMap<>();
    private final @Nullable InMemoryMemoryStore memory;
    private final Semaphore lock = new Semaphore(1);
    private int next = 1;

    private InMemorySnapshotStore(Clock clock, boolean keepsMemory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memory = keepsMemory ? InMemoryMemoryStore.create() : null;
    }

    /** Returns an empty store that records when snapshots were kept by the system clock. */
    public static InMemorySnapshotStore create() {
        return new InMemorySnapshotStore(Clock.systemUTC(), true);
    }

    /**
     * Returns an empty store that records when snapshots were kept by a clock.
     *
     * @param clock the clock, never null
     * @return the store, never null
     */
    public static InMemorySnapshotStore create(Clock clock) {
        return new InMemorySnapshotStore(clock, true);
    }

    /**
     * Returns an empty store that keeps no memory of the network, as a store written for the
     * first version does: the monitor then learns the memory from the snapshots on every run.
     *
     * @param clock the clock, never null
     * @return the store, never null
     */
    public static InMemorySnapshotStore withoutMemory(Clock clock) {
        return new InMemorySnapshotStore(clock, false);
    }

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public StoreLock lock(Duration maxWait) {
        try {
            if (!lock.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StoreLockedException("another run holds the in-memory store; waited " + maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreLockedException("interrupted while waiting for the in-memory store");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                lock.release();
            }
        };
    }

    @Override
    public synchronized Snapshot save(NewSnapshot snapshot) {
        String id = "mem-" + next++;
        Snapshot saved = snapshot.toSnapshot(id, clock.instant());
        snapshots.put(id, saved);
        xml.put(id, snapshot.xml().clone());
        return saved;
    }

    @Override
    public synchronized List<Snapshot> list() {
        return new ArrayList<>(snapshots.values());
    }

    @Override
    public synchronized Optional<Snapshot> get(String id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    @Override
    public synchronized InputStream openXml(String id) {
        byte[] bytes = xml.get(id);
        if (bytes == null) {
            throw new SnapshotStoreException("no snapshot " + id + " in the in-memory store", null);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public synchronized void update(Snapshot snapshot) {
        if (!snapshots.containsKey(snapshot.id())) {
            throw new SnapshotStoreException("no snapshot " + snapshot.id() + " in the in-memory store", null);
        }
        snapshots.put(snapshot.id(), snapshot);
    }

    @Override
    public synchronized void delete(String id) {
        snapshots.remove(id);
        xml.remove(id);
    }

    @Override
    public Optional<MemoryStore> memory() {
        return Optional.ofNullable(memory);
    }

    /**
     * Replaces the bytes kept for a snapshot, to test what a run does with a damaged one.
     *
     * @param id the snapshot's id, never null
     * @param bytes the new bytes, never null
     */
    public synchronized void damage(String id, byte[] bytes) {
        if (!xml.containsKey(id)) {
            throw new IllegalArgumentException("no snapshot " + id);
        }
        xml.put(id, bytes.clone());
    }
}
