package io.github.nmapdiff.store.jdbc;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * One site's snapshots in PostgreSQL: a row each, with nmap's XML compressed (gzip) beside the
 * facts {@link Snapshot} gives, and the notifiers still to tell in the outbox table. The same
 * XML saved twice for a site (a timer that fired twice, a spool pushed again) is kept once: the
 * second save returns the first. The lock is a PostgreSQL advisory lock of the site, held by a
 * connection of its own: a run killed loses it with its connection. Made by
 * {@link PostgresStore#site(String)}; thread-safe.
 */
public final class PostgresSnapshotStore implements SnapshotStore {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, start_at, saved_at, complete, targets, arguments, hosts, changes, summary, baseline_id,"
            + " finished, ARRAY(SELECT notifier FROM outbox o WHERE o.site = s.site AND o.snapshot_id = s.id ORDER BY o.ord)";

    private final Database db;
    private final String site;
    private final Clock clock;
    private final PostgresMemoryStore memory;

    PostgresSnapshotStore(Database db, String site, Clock clock) {
        this.db = db;
        this.site = site;
        this.clock = clock;
        this.memory = new PostgresMemoryStore(db, site, this);
    }

    @Override
    public String id() {
        return "postgres";
    }

    /** Returns the site whose snapshots these are; never null. */
    public String site() {
        return site;
    }

    @Override
    public StoreLock lock(Duration maxWait) {
        Connection c = db.dedicated();
        try {
            Instant until = Instant.now().plus(maxWait);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, lockName());
                while (true) {
                    try (ResultSet r = lock.executeQuery()) {
                        r.next();
                        if (r.getBoolean(1)) {
                            return () -> unlock(c);
                        }
                    }
                    if (!Instant.now().isBefore(until)) {
                        break;
                    }
                    Thread.sleep(Math.min(200, Math.max(1, Duration.between(Instant.now(), until).toMillis())));
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw db.failure("take the lock of site " + site, e);
        } catch (InterruptedException e) {
            closeQuietly(c);
            Thread.currentThread().interrupt();
            throw new StoreLockedException("interrupted while waiting for the lock of site " + site + " in " + db.where());
        }
        closeQuietly(c);
        throw new StoreLockedException("another run of site " + site + " holds its lock in " + db.where() + " (waited "
                + maxWait.toSeconds() + " s); if none is running, its connection is gone and the lock with it: run again");
    }

    private String lockName() {
        return "nmapdiff site " + site;
    }

    private void unlock(Connection c) {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
            unlock.setString(1, lockName());
            unlock.execute();
        } catch (SQLException e) {
            // the connection is gone, and the lock with it
        } finally {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing more to release
        }
    }

    @Override
    public Snapshot save(NewSnapshot snapshot) {
        Compressed xml = compress(snapshot);
        return db.inTransaction("save a snapshot of site " + site, c -> {
            Optional<Snapshot> same = one(c, "SELECT " + COLUMNS + " FROM snapshots s WHERE site = ? AND sha256 = ?", xml.sha256);
            if (same.isPresent()) {
                return same.get();
            }
            // the database keeps microseconds: what is returned is what is read back
            Snapshot saved = snapshot.toSnapshot(freeId(c, snapshot.start()), clock.instant().truncatedTo(ChronoUnit.MICROS));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO snapshots (site, id, sha256, start_at, saved_at, complete,"
                    + " targets, arguments, hosts, finished, xml_size, xml_gzip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)")) {
                insert.setString(1, site);
                insert.setString(2, saved.id());
                insert.setBytes(3, xml.sha256);
                insert.setObject(4, Sql.time(saved.start()));
                insert.setObject(5, Sql.time(saved.savedAt()));
                insert.setBoolean(6, saved.complete());
                insert.setArray(7, c.createArrayOf("text", saved.targets().toArray()));
                insert.setArray(8, c.createArrayOf("text", saved.arguments().toArray()));
                insert.setInt(9, saved.hosts());
                insert.setLong(10, xml.size);
                insert.setBytes(11, xml.gzip);
                insert.executeUpdate();
            }
            return saved;
        });
    }

    /** An id from when the scan started, as the filesystem store names its files; {@code -2}, {@code -3} for another scan of that second. */
    private String freeId(Connection c, Instant start) throws SQLException {
        String base = ID_TIME.format(start);
        Set<String> taken = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM snapshots WHERE site = ? AND id LIKE ?")) {
            q.setString(1, site);
            q.setString(2, base + "%");
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    taken.add(r.getString(1));
                }
            }
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** The XML gzipped and its SHA-256, read once from its file or its bytes. */
    private record Compressed(byte[] gzip, byte[] sha256, long size) {
    }

    private static Compressed compress(NewSnapshot snapshot) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream(1 << 16);
        long size;
        try (GZIPOutputStream gz = new GZIPOutputStream(gzipped, 1 << 16);
                OutputStream out = new DigestOutputStream(gz, sha)) {
            if (snapshot.xmlFile().isPresent()) {
                size = Files.copy(snapshot.xmlFile().get(), out);
            } else {
                byte[] bytes = snapshot.xml();
                out.write(bytes);
                size = bytes.length;
            }
        } catch (IOException e) {
            throw new ScanIoException("cannot read the scan to keep: " + e.getMessage(), e);
        }
        return new Compressed(gzipped.toByteArray(), sha.digest(), size);
    }

    @Override
    public List<Snapshot> list() {
        return db.inTransaction("list the snapshots of site " + site, c -> {
            List<Snapshot> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM snapshots s WHERE site = ? ORDER BY start_at, seq")) {
                q.setString(1, site);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        all.add(snapshot(r));
                    }
                }
            }
            return all;
        });
    }

    @Override
    public Optional<Snapshot> get(String id) {
        return db.inTransaction("read snapshot " + id + " of site " + site,
                c -> one(c, "SELECT " + COLUMNS + " FROM snapshots s WHERE site = ? AND id = ?", id));
    }

    private Optional<Snapshot> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, site);
            q.setObject(2, key);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(snapshot(r)) : Optional.empty();
            }
        }
    }

    private static Snapshot snapshot(ResultSet r) throws SQLException {
        int changes = r.getInt(8);
        Integer changeCount = r.wasNull() ? null : changes;
        return Snapshot.builder(r.getString(1), Sql.instant(r, 2)).savedAt(Sql.instant(r, 3)).complete(r.getBoolean(4))
                .scope(Sql.strings(r.getArray(5)), Sql.strings(r.getArray(6))).hosts(r.getInt(7))
                .run(changeCount, r.getString(9), r.getString(10)).finished(r.getBoolean(11)).unnotified(Sql.strings(r.getArray(12)))
                .build();
    }

    @Override
    public InputStream openXml(String id) {
        byte[] gzip = db.inTransaction("read snapshot " + id + " of site " + site, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT xml_gzip FROM snapshots WHERE site = ? AND id = ?")) {
                q.setString(1, site);
                q.setString(2, id);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (gzip == null) {
            throw new SnapshotStoreException("no snapshot " + id + " of site " + site + " in " + db.where(), null);
        }
        try {
            return new GZIPInputStream(new ByteArrayInputStream(gzip), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String location(String id) {
        return "snapshot " + id + " of site " + site + " in " + db.where();
    }

    @Override
    public void update(Snapshot snapshot) {
        db.inTransaction("record the run of snapshot " + snapshot.id() + " of site " + site, c -> {
            record(c, snapshot);
            return null;
        });
    }

    /** Writes what a run found of a snapshot, and its outbox, on a connection in a transaction. */
    void record(Connection c, Snapshot snapshot) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE snapshots SET complete = ?, targets = ?, arguments = ?, hosts = ?,"
                + " changes = ?, summary = ?, baseline_id = ?, finished = ? WHERE site = ? AND id = ?")) {
            u.setBoolean(1, snapshot.complete());
            u.setArray(2, c.createArrayOf("text", snapshot.targets().toArray()));
            u.setArray(3, c.createArrayOf("text", snapshot.arguments().toArray()));
            u.setInt(4, snapshot.hosts());
            if (snapshot.changes() == null) {
                u.setNull(5, Types.INTEGER);
            } else {
                u.setInt(5, snapshot.changes());
            }
            u.setString(6, snapshot.summary());
            u.setString(7, snapshot.baselineId());
            u.setBoolean(8, snapshot.finished());
            u.setString(9, site);
            u.setString(10, snapshot.id());
            if (u.executeUpdate() == 0) {
                throw new SnapshotStoreException("no snapshot " + snapshot.id() + " of site " + site + " in " + db.where(), null);
            }
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM outbox WHERE site = ? AND snapshot_id = ?")) {
            d.setString(1, site);
            d.setString(2, snapshot.id());
            d.executeUpdate();
        }
        if (!snapshot.unnotified().isEmpty()) {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO outbox (site, snapshot_id, notifier, ord) VALUES (?, ?, ?, ?)")) {
                int ord = 0;
                for (String notifier : snapshot.unnotified()) {
                    i.setString(1, site);
                    i.setString(2, snapshot.id());
                    i.setString(3, notifier);
                    i.setInt(4, ord++);
                    i.addBatch();
                }
                i.executeBatch();
            }
        }
    }

    @Override
    public Optional<MemoryStore> memory() {
        return Optional.of(memory);
    }

    @Override
    public void delete(String id) {
        db.inTransaction("delete snapshot " + id + " of site " + site, c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM snapshots WHERE site = ? AND id = ?")) {
                d.setString(1, site);
                d.setString(2, id);
                d.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Runs work in one transaction: every save, update and memory commit of this site inside it
     * is committed together, or none of them (a night pushed from a spool: its snapshot, its
     * memory and its record at once).
     *
     * @param work the work, never null
     * @throws NmapDiffException when it fails; nothing of it was kept
     */
    public void inOneTransaction(Runnable work) {
        db.transaction("keep a night of site " + site, work);
    }

    @Override
    public String toString() {
        return "PostgresSnapshotStore[site " + site + ", " + db.where() + "]";
    }
}
