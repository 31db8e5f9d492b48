package io.github.nmapdiff.compat;

import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** A store as a third party writes it against the 0.1.0 API: every method, values by builder. */
public final class CompatStore implements SnapshotStore {
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, byte[]> bytes = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private int next;

    @Override
    public String id() {
        return "compat";
    }

    @Override
    public StoreLock lock(Duration maxWait) {
        try {
            if (!lock.tryLock(maxWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new StoreLockedException("held");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreLockedException("interrupted");
        }
        return lock::unlock;
    }

    @Override
    public synchronized Snapshot save(NewSnapshot snapshot) {
        String id = "c" + (++next);
        Snapshot saved = Snapshot.builder(id, snapshot.start()).savedAt(Instant.now()).complete(snapshot.scan().complete())
                .scope(snapshot.targets(), snapshot.arguments()).hosts(snapshot.scan().hosts().size()).build();
        snapshots.put(id, saved);
        bytes.put(id, snapshot.xml().clone());
        return saved;
    }

    @Override
    public synchronized List<Snapshot> list() {
        return new ArrayList<>(snapshots.values());
    }

    @Override
    public synchronized InputStream openXml(String id) {
        byte[] b = bytes.get(id);
        if (b == null) {
            throw new SnapshotStoreException("no " + id, null);
        }
        return new ByteArrayInputStream(b);
    }

    @Override
    public synchronized void update(Snapshot snapshot) {
        Snapshot old = snapshots.get(snapshot.id());
        snapshots.put(snapshot.id(), old.toBuilder().run(snapshot.changes(), snapshot.summary(), snapshot.baselineId())
                .finished(snapshot.finished()).unnotified(snapshot.unnotified()).build());
    }

    @Override
    public synchronized void delete(String id) {
        snapshots.remove(id);
        bytes.remove(id);
    }
}
