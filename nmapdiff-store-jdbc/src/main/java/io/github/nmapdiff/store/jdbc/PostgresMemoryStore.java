package io.github.nmapdiff.store.jdbc;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.HostSummary;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.PortRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One site's memory in PostgreSQL: the head, a row per host and per port, the timeline, the
 * nights and their findings, each table keyed by site. A night is one transaction the size of
 * its changes: the hosts it changed are written again whole (their ports with them), the
 * others are not touched. Reads of every host stream through a cursor. Thread-safe.
 */
final class PostgresMemoryStore implements MemoryStore {
    /** Rows fetched at a time when every host is read: a large site is never in memory at once. */
    private static final int FETCH = 5_000;
    /** Keys asked for in one query. */
    private static final int CHUNK = 10_000;
    private static final String HOST_COLUMNS = "key, address, mac, name, first_seen, last_seen, present, watched, observation_id,"
            + " observation, scripts::text, noise::text, attributes::text";
    private static final String PORT_COLUMNS = "host_key, port, open, watched, first_seen, last_seen, service, version, scripts::text,"
            + " attributes::text";

    private final Database db;
    private final String site;
    private final PostgresSnapshotStore snapshots;

    PostgresMemoryStore(Database db, String site, PostgresSnapshotStore snapshots) {
        this.db = db;
        this.site = site;
        this.snapshots = snapshots;
    }

    private String what(String doing) {
        return doing + " of site " + site;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<MemoryHead> head() {
        return db.inTransaction(what("read the memory's head"), c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT version, targets, arguments, through_id, through_at, last_complete_at,"
                    + " sequence, attributes::text FROM memory_head WHERE site = ?")) {
                q.setString(1, site);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(MemoryHead.of(r.getInt(1), Scope.of(Sql.strings(r.getArray(2)), Sql.strings(r.getArray(3))),
                            r.getString(4), Sql.instant(r, 5), Sql.instant(r, 6), r.getLong(7), Sql.map(r.getString(8))));
                }
            }
        });
    }

    @Override
    public List<HostSummary> summaries() {
        return db.inTransaction(what("read the memory's hosts"), c -> {
            List<HostSummary> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT key, address, mac, name, present, watched, observation_id, observation"
                    + " FROM hosts WHERE site = ?")) {
                q.setFetchSize(FETCH);
                q.setString(1, site);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        all.add(HostSummary.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBoolean(5),
                                r.getBoolean(6), r.getString(7), r.getString(8)));
                    }
                }
            }
            return all;
        });
    }

    @Override
    public Map<String, HostRecord> hosts(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(what("read hosts of the memory"), c -> {
            Map<String, HostRecord> found = new HashMap<>();
            List<String> all = new ArrayList<>(keys);
            for (int from = 0; from < all.size(); from += CHUNK) {
                Object[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).toArray();
                Map<String, HostRecord.Builder> hosts = new LinkedHashMap<>();
                Map<String, List<PortRecord>> ports = new HashMap<>();
                try (PreparedStatement q = c.prepareStatement("SELECT " + HOST_COLUMNS + " FROM hosts WHERE site = ? AND key = ANY (?)")) {
                    q.setString(1, site);
                    q.setArray(2, c.createArrayOf("text", chunk));
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            hosts.put(r.getString(1), host(r));
                        }
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT " + PORT_COLUMNS + " FROM ports WHERE site = ? AND host_key = ANY (?)")) {
                    q.setString(1, site);
                    q.setArray(2, c.createArrayOf("text", chunk));
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            ports.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(port(r));
                        }
                    }
                }
                hosts.forEach((key, b) -> found.put(key, b.ports(ports.getOrDefault(key, List.of())).build()));
            }
            return found;
        });
    }

    /** Every host in order of key, its ports from a second cursor in the same order: one pass over each table. */
    @Override
    public void forEachHost(Consumer<HostRecord> action) {
        db.inTransaction(what("read the memory's hosts"), c -> {
            try (PreparedStatement hq = c.prepareStatement("SELECT " + HOST_COLUMNS + " FROM hosts WHERE site = ? ORDER BY key COLLATE \"C\"");
                    PreparedStatement pq = c.prepareStatement("SELECT " + PORT_COLUMNS + " FROM ports WHERE site = ?"
                            + " ORDER BY host_key COLLATE \"C\", port COLLATE \"C\"")) {
                hq.setFetchSize(FETCH);
                pq.setFetchSize(FETCH);
                hq.setString(1, site);
                pq.setString(1, site);
                try (ResultSet h = hq.executeQuery(); ResultSet p = pq.executeQuery()) {
                    boolean morePorts = p.next();
                    while (h.next()) {
                        String key = h.getString(1);
                        HostRecord.Builder b = host(h);
                        List<PortRecord> ports = new ArrayList<>();
                        // ports of hosts before this one cannot be (a port's host is a host), but skip them if a row is odd
                        while (morePorts && p.getString(1).compareTo(key) < 0) {
                            morePorts = p.next();
                        }
                        while (morePorts && p.getString(1).equals(key)) {
                            ports.add(port(p));
                            morePorts = p.next();
                        }
                        action.accept(b.ports(ports).build());
                    }
                }
            }
            return null;
        });
    }

    private static HostRecord.Builder host(ResultSet r) throws SQLException {
        EnumMap<HeldBack.Reason, Integer> noise = new EnumMap<>(HeldBack.Reason.class);
        Sql.map(r.getString(12)).forEach((reason, n) -> noise.put(HeldBack.Reason.valueOf(reason), Integer.parseInt(n)));
        return HostRecord.builder(r.getString(1)).identity(r.getString(2), r.getString(3), r.getString(4))
                .seen(Sql.instant(r, 5), Sql.instant(r, 6)).present(r.getBoolean(7)).watched(r.getBoolean(8))
                .observation(r.getString(9), r.getString(10)).scripts(Sql.map(r.getString(11))).noise(noise)
                .attributes(Sql.map(r.getString(13)));
    }

    private static PortRecord port(ResultSet r) throws SQLException {
        return PortRecord.builder(r.getString(2)).open(r.getBoolean(3)).watched(r.getBoolean(4)).seen(Sql.instant(r, 5), Sql.instant(r, 6))
                .service(r.getString(7), r.getString(8)).scripts(Sql.map(r.getString(9))).attributes(Sql.map(r.getString(10))).build();
    }

    @Override
    public List<TimelineEvent> events(String key) {
        return db.inTransaction(what("read a host's timeline"), c -> {
            List<TimelineEvent> events = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT at, kind, port, service, before, after FROM events"
                    + " WHERE site = ? AND host_key = ? ORDER BY seq")) {
                q.setString(1, site);
                q.setString(2, key);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        events.add(event(r, 1));
                    }
                }
            }
            return events;
        });
    }

    @Override
    public void forEachEvent(Consumer<MemoryUpdate.HostEvent> action) {
        db.inTransaction(what("read the timeline"), c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT host_key, at, kind, port, service, before, after FROM events"
                    + " WHERE site = ? ORDER BY seq")) {
                q.setFetchSize(FETCH);
                q.setString(1, site);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        action.accept(new MemoryUpdate.HostEvent(r.getString(1), event(r, 2)));
                    }
                }
            }
            return null;
        });
    }

    private static TimelineEvent event(ResultSet r, int from) throws SQLException {
        return TimelineEvent.of(Sql.instant(r, from), Finding.Kind.of(r.getString(from + 1)), r.getString(from + 2), r.getString(from + 3),
                r.getString(from + 4), r.getString(from + 5));
    }

    @Override
    public List<Night> nights() {
        return db.inTransaction(what("read the nights"), c -> {
            Map<String, List<Finding>> findings = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT snapshot_id, kind, severity, host_key, address, name, mac, port, service,"
                    + " before, after, first_seen, last_seen, note FROM findings WHERE site = ? ORDER BY snapshot_id, ord")) {
                q.setFetchSize(FETCH);
                q.setString(1, site);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        HostIdentity host = HostIdentity.of(r.getString(4), r.getString(5), r.getString(6), r.getString(7));
                        findings.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(Finding.builder(Finding.Kind.of(r.getString(2)),
                                Severity.of(r.getString(3)), host).port(r.getString(8)).service(r.getString(9)).before(r.getString(10))
                                .after(r.getString(11)).seen(Sql.instant(r, 12), Sql.instant(r, 13)).note(r.getString(14)).build());
                    }
                }
            }
            List<Night> nights = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT snapshot_id, at, complete, baseline, held_back::text FROM nights"
                    + " WHERE site = ? ORDER BY seq")) {
                q.setString(1, site);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        EnumMap<HeldBack.Reason, Integer> held = new EnumMap<>(HeldBack.Reason.class);
                        Sql.map(r.getString(5)).forEach((reason, n) -> held.put(HeldBack.Reason.valueOf(reason), Integer.parseInt(n)));
                        nights.add(Night.of(r.getString(1), Sql.instant(r, 2), r.getBoolean(3), r.getBoolean(4),
                                findings.getOrDefault(r.getString(1), List.of()), HeldBack.of(held)));
                    }
                }
            }
            return nights;
        });
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void commit(MemoryUpdate u) {
        db.inTransaction(what("keep the night"), c -> {
            head(c, u.head());
            removeHosts(c, u);
            hosts(c, u.hosts());
            events(c, u.events());
            night(c, u.night());
            if (u.recorded() != null) {
                snapshots.record(c, u.recorded());
            }
            return null;
        });
    }

    private void head(Connection c, MemoryHead h) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO memory_head (site, version, targets, arguments, through_id, through_at,"
                + " last_complete_at, sequence, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (site) DO UPDATE SET"
                + " version = excluded.version, targets = excluded.targets, arguments = excluded.arguments, through_id = excluded.through_id,"
                + " through_at = excluded.through_at, last_complete_at = excluded.last_complete_at, sequence = excluded.sequence,"
                + " attributes = excluded.attributes")) {
            p.setString(1, site);
            p.setInt(2, h.version());
            p.setArray(3, c.createArrayOf("text", h.scope().targets().toArray()));
            p.setArray(4, c.createArrayOf("text", h.scope().arguments().toArray()));
            p.setString(5, h.through());
            Sql.time(p, 6, h.throughTime());
            Sql.time(p, 7, h.lastCompleteAt());
            p.setLong(8, h.sequence());
            p.setString(9, Sql.json(h.attributes()));
            p.executeUpdate();
        }
    }

    /** The hosts the night forgets and those it writes again: their rows (and ports, by cascade) go first. */
    private void removeHosts(Connection c, MemoryUpdate u) throws SQLException {
        List<String> gone = new ArrayList<>(u.removed());
        u.hosts().forEach(h -> gone.add(h.key()));
        if (gone.isEmpty()) {
            return;
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM hosts WHERE site = ? AND key = ANY (?)")) {
            for (int from = 0; from < gone.size(); from += CHUNK) {
                d.setString(1, site);
                d.setArray(2, c.createArrayOf("text", gone.subList(from, Math.min(gone.size(), from + CHUNK)).toArray()));
                d.executeUpdate();
            }
        }
        if (!u.removed().isEmpty()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM events WHERE site = ? AND host_key = ANY (?)")) {
                d.setString(1, site);
                d.setArray(2, c.createArrayOf("text", u.removed().toArray()));
                d.executeUpdate();
            }
        }
    }

    private void hosts(Connection c, List<HostRecord> hosts) throws SQLException {
        if (hosts.isEmpty()) {
            return;
        }
        try (PreparedStatement h = c.prepareStatement("INSERT INTO hosts (site, key, address, mac, name, first_seen, last_seen, present,"
                + " watched, observation_id, observation, scripts, noise, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
                + " ?::jsonb, ?::jsonb)");
                PreparedStatement p = c.prepareStatement("INSERT INTO ports (site, host_key, port, open, watched, first_seen, last_seen,"
                        + " service, version, scripts, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            int batched = 0;
            for (HostRecord r : hosts) {
                h.setString(1, site);
                h.setString(2, r.key());
                h.setString(3, r.address());
                h.setString(4, r.mac());
                h.setString(5, r.name());
                Sql.time(h, 6, r.firstSeen());
                Sql.time(h, 7, r.lastSeen());
                h.setBoolean(8, r.present());
                h.setBoolean(9, r.watched());
                h.setString(10, r.observationId());
                h.setString(11, r.observation());
                h.setString(12, Sql.json(r.scripts()));
                Map<String, String> noise = new HashMap<>();
                r.noise().forEach((reason, n) -> noise.put(reason.name(), Integer.toString(n)));
                h.setString(13, Sql.json(noise));
                h.setString(14, Sql.json(r.attributes()));
                h.addBatch();
                for (PortRecord port : r.ports()) {
                    p.setString(1, site);
                    p.setString(2, r.key());
                    p.setString(3, port.port());
                    p.setBoolean(4, port.open());
                    p.setBoolean(5, port.watched());
                    Sql.time(p, 6, port.firstSeen());
                    Sql.time(p, 7, port.lastSeen());
                    p.setString(8, port.service());
                    p.setString(9, port.version());
                    p.setString(10, Sql.json(port.scripts()));
                    p.setString(11, Sql.json(port.attributes()));
                    p.addBatch();
                }
                if (++batched % 2_000 == 0) {
                    h.executeBatch();
                    p.executeBatch();
                }
            }
            h.executeBatch();
            p.executeBatch();
        }
    }

    private void events(Connection c, List<MemoryUpdate.HostEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO events (site, host_key, at, kind, port, service, before, after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (MemoryUpdate.HostEvent e : events) {
                TimelineEvent t = e.event();
                p.setString(1, site);
                p.setString(2, e.key());
                Sql.time(p, 3, t.when());
                p.setString(4, t.kind().id());
                p.setString(5, t.port());
                p.setString(6, t.service());
                p.setString(7, t.before());
                p.setString(8, t.after());
                p.addBatch();
                if (++batched % 5_000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    private void night(Connection c, Night n) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM nights WHERE site = ? AND snapshot_id = ?")) {
            d.setString(1, site);
            d.setString(2, n.snapshotId());
            d.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO nights (site, snapshot_id, at, complete, baseline, held_back)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            p.setString(1, site);
            p.setString(2, n.snapshotId());
            Sql.time(p, 3, n.when());
            p.setBoolean(4, n.complete());
            p.setBoolean(5, n.baseline());
            Map<String, String> held = new HashMap<>();
            n.heldBack().counts().forEach((reason, count) -> held.put(reason.name(), Integer.toString(count)));
            p.setString(6, Sql.json(held));
            p.executeUpdate();
        }
        if (n.findings().isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO findings (site, snapshot_id, ord, kind, severity, host_key, address, name,"
                + " mac, port, service, before, after, first_seen, last_seen, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ord = 0;
            for (Finding f : n.findings()) {
                p.setString(1, site);
                p.setString(2, n.snapshotId());
                p.setInt(3, ord++);
                p.setString(4, f.kind().id());
                p.setString(5, f.severity().id());
                p.setString(6, f.host().key());
                p.setString(7, f.host().address());
                p.setString(8, f.host().name());
                p.setString(9, f.host().mac());
                p.setString(10, f.port());
                p.setString(11, f.service());
                p.setString(12, f.before());
                p.setString(13, f.after());
                Sql.time(p, 14, f.firstSeen());
                Sql.time(p, 15, f.lastSeen());
                p.setString(16, f.note());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public void clear() {
        db.inTransaction(what("forget the memory"), c -> {
            for (String table : List.of("findings", "nights", "events", "ports", "hosts", "memory_head")) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE site = ?")) {
                    d.setString(1, site);
                    d.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "PostgresMemoryStore[site " + site + ", " + db.where() + "]";
    }
}
