package io.github.nmapdiff.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreUnavailableException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL database (15 or later) that holds the history of many scanner sites: each
 * site's snapshots and memory in the schema {@code nmapdiff}, keyed by site. Opening it brings
 * the schema to this version with Flyway when the role may (the schema's owner), and says what
 * to do when it may not. {@link #site(String)} gives one site's {@link PostgresSnapshotStore}.
 *
 * <pre>{@code
 * try (PostgresStore db = PostgresStore.builder("jdbc:postgresql://db.example.com/nmapdiff")
 *         .user("scanner_branch1").password(System.getenv("NMAPDIFF_STORE_PASSWORD")).build()) {
 *     Monitor.builder().store(db.site("branch1")).engine(...).build().run();
 * }
 * }</pre>
 *
 * <p>TLS to the database is the driver's: {@code ?sslmode=verify-full} in the URL (see the
 * PostgreSQL JDBC driver's documentation). Thread-safe; close it to close its connections.
 */
public final class PostgresStore implements AutoCloseable {
    /** The schema version this code reads and writes: the highest {@code V<n>__} migration. */
    static final int SCHEMA_VERSION = 2;
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final Database db;
    private final Clock clock;

    private PostgresStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Starts a store of the database at a JDBC URL.
     *
     * @param url {@code jdbc:postgresql://HOST:PORT/DATABASE}, with the driver's options; never null
     * @return the builder, never null
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * Returns one site's snapshots and memory. The site is made when this role may make it (the
     * schema's owner); a site role is given its site by the DBA ({@code nmapdiff.add_site}).
     *
     * @param name the site's name: letters, digits, {@code .}, {@code _} and {@code -}, at most 63; never null
     * @return the site's store, never null
     * @throws NmapDiffException when the name is not a site name, or the site is not there and cannot be made
     */
    public PostgresSnapshotStore site(String name) {
        checkSiteName(name);
        db.inTransaction("find site " + name, c -> {
            if (!exists(c, name)) {
                try (PreparedStatement add = c.prepareStatement("INSERT INTO sites (name) VALUES (?) ON CONFLICT DO NOTHING")) {
                    add.setString(1, name);
                    add.executeUpdate();
                } catch (SQLException e) {
                    if ("42501".equals(e.getSQLState())) {
                        throw new SnapshotStoreException("site " + name + " is not in the database " + db.where() + " and this role cannot"
                                + " add it: the DBA adds it with SELECT nmapdiff.add_site('" + name + "', 'ROLE') (see the README)", e);
                    }
                    throw e;
                }
            }
            return null;
        });
        return new PostgresSnapshotStore(db, name, clock);
    }

    /** Checks a site's name: it goes into messages and lock names, and must look like one. */
    public static void checkSiteName(String name) {
        Objects.requireNonNull(name, "name");
        if (!SITE.matcher(name).matches()) {
            throw new NmapDiffException("'" + name + "' is not a site name: use letters, digits, '.', '_' and '-' (at most 63),"
                    + " starting with a letter or digit, such as branch-1");
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM sites WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Returns the sites this role can see (its own, or every site for a reader or the owner), by name. */
    public List<String> sites() {
        return db.inTransaction("list the sites", c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT name FROM sites ORDER BY name COLLATE \"C\"");
                    ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        });
    }

    /**
     * Forgets a site: its snapshots, its memory and its role's place. Nothing when there is none.
     *
     * @param name the site, never null
     */
    public void forgetSite(String name) {
        checkSiteName(name);
        db.inTransaction("forget site " + name, c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM sites WHERE name = ?")) {
                d.setString(1, name);
                d.executeUpdate();
            }
            return null;
        });
    }

    /** Returns the database, as messages name it: host, port and database, never a password. */
    public String where() {
        return db.where();
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "PostgresStore[" + db.where() + "]";
    }

    /** Builds a {@link PostgresStore}; not thread-safe. */
    public static final class Builder {
        private final String url;
        private @Nullable String user;
        private @Nullable String password;
        private Clock clock = Clock.systemUTC();
        private int poolSize = 4;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean migrate = true;
        private int schemaVersion = SCHEMA_VERSION;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The role to log in as; the driver's default (the URL's, or the OS user) when not set or null. */
        public Builder user(@Nullable String role) {
            this.user = role;
            return this;
        }

        /** The role's password; none when not set or null (an unset environment variable). */
        public Builder password(@Nullable String secret) {
            this.password = secret;
            return this;
        }

        /** The clock for when snapshots are kept; the system's by default. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** How many connections at most (4 by default: a lock, a night, a question). */
        public Builder poolSize(int connections) {
            if (connections < 2) {
                throw new IllegalArgumentException("a pool of " + connections + " connections: the lock needs one of its own, give 2 or more");
            }
            this.poolSize = connections;
            return this;
        }

        /** How long to wait for the database before saying it cannot be reached (10 s by default). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Whether to bring the schema to this version when it is older (true by default). */
        public Builder migrate(boolean apply) {
            this.migrate = apply;
            return this;
        }

        /** The schema version to bring the database to: an older one only for the test of the migrations. */
        Builder schemaVersion(int version) {
            this.schemaVersion = version;
            return this;
        }

        /**
         * Connects, and brings the schema up to date.
         *
         * @return the store, never null
         * @throws StoreUnavailableException when the database cannot be reached or refuses the login
         * @throws NmapDiffException when the URL is not PostgreSQL's, or the schema is older and this role may not migrate it
         */
        public PostgresStore build() {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new NmapDiffException("'" + url + "' is not a PostgreSQL JDBC URL: write jdbc:postgresql://HOST:PORT/DATABASE");
            }
            String where = describe(url);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(1);
            config.setPoolName("nmapdiff");
            config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
            config.setInitializationFailTimeout(1); // one attempt: a database that refuses now is reported now, the night waits
            // the driver's own timeouts, so that a network that goes away mid-night ends the night, not hangs it
            config.addDataSourceProperty("connectTimeout", Math.max(1, connectTimeout.toSeconds()));
            config.addDataSourceProperty("socketTimeout", 600);
            config.addDataSourceProperty("tcpKeepAlive", true);
            config.addDataSourceProperty("reWriteBatchedInserts", true);
            config.addDataSourceProperty("ApplicationName", "nmapdiff");
            config.addDataSourceProperty("currentSchema", "nmapdiff");
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (HikariPool.PoolInitializationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String message = Database.firstLine(cause.getMessage());
                if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                    throw new StoreUnavailableException("the database " + where + " refused the login (" + message
                            + "): check --store-user and the password", e);
                }
                throw new StoreUnavailableException("the database " + where + " cannot be reached (" + message + ")", e);
            }
            Database db = new Database(pool, where);
            try {
                schema(db, pool);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return new PostgresStore(db, clock);
        }

        private void schema(Database db, HikariDataSource pool) {
            int version = db.inTransaction("read the schema's version", c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT coalesce(max(version::int), 0) FROM nmapdiff.flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL");
                        ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                } catch (SQLException e) {
                    if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                        c.rollback();
                        return 0; // no schema yet
                    }
                    throw e;
                }
            });
            if (version > schemaVersion) {
                throw new NmapDiffException("the database " + db.where() + " has nmapdiff's schema version " + version + ", newer than"
                        + " this nmapdiff's " + SCHEMA_VERSION + ": upgrade nmapdiff on this machine");
            }
            if (version == schemaVersion) {
                return;
            }
            if (!migrate) {
                throw new NmapDiffException("the database " + db.where() + " has nmapdiff's schema version " + version + " and this"
                        + " nmapdiff needs " + SCHEMA_VERSION + ": run it once as the schema's owner to migrate it");
            }
            try {
                Flyway.configure(PostgresStore.class.getClassLoader()).dataSource(pool).schemas("nmapdiff").defaultSchema("nmapdiff")
                        .locations("classpath:db/nmapdiff").target(Integer.toString(schemaVersion)).load().migrate();
            } catch (FlywayException e) {
                throw new NmapDiffException("the database " + db.where() + " has nmapdiff's schema version " + version + " and this"
                        + " nmapdiff needs " + SCHEMA_VERSION + ", but this role cannot migrate it (" + Database.firstLine(e.getMessage())
                        + "): run nmapdiff once as the schema's owner", e);
            }
        }

        /** The URL without its options: host, port, database. */
        private static String describe(String jdbc) {
            try {
                URI uri = URI.create(jdbc.substring("jdbc:".length()));
                return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getPath();
            } catch (IllegalArgumentException e) {
                return "(the URL given)";
            }
        }
    }
}
