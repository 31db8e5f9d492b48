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
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.NullUnmarked;

/**
 * One site's memory in PostgreSQL: the head, a row per host and per port, the timeline, the
 * nights and their findings, each table keyed by site. A night is one transaction the size of
 * its changes: the hosts it changed are written again whole (their ports with them), the
 * others are not touched. Reads of every host stream through a cursor. Thread-safe.
 */
// JDBC glue: a column may be NULL wherever the schema allows it; the API it serves is marked
@NullUnmarked
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
                // one key by equality: the index, whatever the planner knows of a site just written
                String match = chunk.length == 1 ? " = ?" : " = ANY (?)";
                try (PreparedStatement q = c.prepareStatement("SELECT " + HOST_COLUMNS + " FROM hosts WHERE site = ? AND key" + match)) {
                    q.setString(1, site);
                    keys(c, q, chunk);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            hosts.put(r.getString(1), host(r));
                        }
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT " + PORT_COLUMNS + " FROM ports WHERE site = ? AND host_key" + match)) {
                    q.setString(1, site);
                    keys(c, q, chunk);
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

    private static void keys(Connection c, PreparedStatement q, Object[] keys) throws SQLException {
        if (keys.length == 1) {
            q.setString(2, (String) keys[0]);
        } else {
            q.setArray(2, c.createArrayOf("text", keys));
        }
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
        if (u.hosts().size() >= ANALYZE_AFTER) {
            analyze();
        }
    }

    /** Hosts written by one night after which the tables' statistics are brought up to date (a baseline, say). */
    private static final int ANALYZE_AFTER = 10_000;

    /**
     * Brings the planner's statistics up to date, so that the next night's lookups use the keys'
     * index. Only the tables' owner may; for a site's role it is autovacuum's job, within a minute.
     */
    private void analyze() {
        db.inTransaction(what("update the statistics"), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE hosts, ports, events");
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

    /** Rows inserted by one statement: each column as an array, unnested by the server. */
    private static final int ROWS = 5_000;
    private static final String INSERT_HOSTS = "INSERT INTO hosts (site, key, address, mac, name, first_seen, last_seen, present, watched,"
            + " observation_id, observation, scripts, noise, attributes) SELECT ?, a, b, c, d, e::timestamptz, f::timestamptz,"
            + " g::boolean, h::boolean, i, j, k::jsonb, l::jsonb, m::jsonb FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " AS t (a, b, c, d, e, f, g, h, i, j, k, l, m)";

    private void hosts(Connection c, List<HostRecord> hosts) throws SQLException {
        Columns h = new Columns(13);
        Columns p = new Columns(10);
        for (HostRecord r : hosts) {
            Map<String, String> noise = new HashMap<>();
            r.noise().forEach((reason, n) -> noise.put(reason.name(), Integer.toString(n)));
            h.row(r.key(), r.address(), r.mac(), r.name(), text(r.firstSeen()), text(r.lastSeen()), Boolean.toString(r.present()),
                    Boolean.toString(r.watched()), r.observationId(), r.observation(), Sql.json(r.scripts()), Sql.json(noise),
                    Sql.json(r.attributes()));
            for (PortRecord port : r.ports()) {
                p.row(r.key(), port.port(), Boolean.toString(port.open()), Boolean.toString(port.watched()), text(port.firstSeen()),
                        text(port.lastSeen()), port.service(), port.version(), Sql.json(port.scripts()), Sql.json(port.attributes()));
            }
            if (h.size() >= ROWS) {
                h.insert(c, INSERT_HOSTS, site);
            }
        }
        h.insert(c, INSERT_HOSTS, site);
        // the ports after every host they belong to
        p.insertAll(c, "INSERT INTO ports (site, host_key, port, open, watched, first_seen, last_seen, service, version, scripts,"
                + " attributes) SELECT ?, a, b, c::boolean, d::boolean, e::timestamptz, f::timestamptz, g, h, i::jsonb, j::jsonb"
                + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS t (a, b, c, d, e, f, g, h, i, j)", site);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** Rows kept as columns, to insert many with one statement (each column one text array parameter). */
    private static final class Columns {
        private final List<List<String>> columns = new ArrayList<>();

        Columns(int width) {
            for (int i = 0; i < width; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void row(String... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        int size() {
            return columns.get(0).size();
        }

        /** Inserts the rows held, and holds none. */
        void insert(Connection c, String sql, String site) throws SQLException {
            if (size() == 0) {
                return;
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, site);
                for (int i = 0; i < columns.size(); i++) {
                    p.setArray(i + 2, c.createArrayOf("text", columns.get(i).toArray()));
                    columns.get(i).clear();
                }
                p.executeUpdate();
            }
        }

        /** Inserts every row held, in statements of at most {@link #ROWS}. */
        void insertAll(Connection c, String sql, String site) throws SQLException {
            List<List<String>> all = new ArrayList<>();
            for (List<String> column : columns) {
                all.add(new ArrayList<>(column));
                column.clear();
            }
            int rows = all.get(0).size();
            for (int from = 0; from < rows; from += ROWS) {
                int to = Math.min(rows, from + ROWS);
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).addAll(all.get(i).subList(from, to));
                }
                insert(c, sql, site);
            }
        }
    }

    private void events(Connection c, List<MemoryUpdate.HostEvent> events) throws SQLException {
        Columns e = new Columns(7);
        for (MemoryUpdate.HostEvent he : events) {
            TimelineEvent t = he.event();
            e.row(he.key(), text(t.when()), t.kind().id(), t.port(), t.service(), t.before(), t.after());
        }
        // in the order given: the sequence numbers follow the array's order
        e.insertAll(c, "INSERT INTO events (site, host_key, at, kind, port, service, before, after) SELECT ?, a, b::timestamptz, c, d,"
                + " e, f, g FROM unnest(?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS t (a, b, c, d, e, f, g, n) ORDER BY n", site);
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
        Columns f = new Columns(15);
        int ord = 0;
        for (Finding x : n.findings()) {
            f.row(n.snapshotId(), Integer.toString(ord++), x.kind().id(), x.severity().id(), x.host().key(), x.host().address(),
                    x.host().name(), x.host().mac(), x.port(), x.service(), x.before(), x.after(), text(x.firstSeen()), text(x.lastSeen()),
                    x.note());
        }
        f.insertAll(c, "INSERT INTO findings (site, snapshot_id, ord, kind, severity, host_key, address, name, mac, port, service,"
                + " before, after, first_seen, last_seen, note) SELECT ?, a, b::integer, c, d, e, g, h, i, j, k, l, m, o::timestamptz,"
                + " p::timestamptz, q FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS t (a, b, c, d, e, g, h, i, j, k, l, m, o, p, q)",
                site);
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
