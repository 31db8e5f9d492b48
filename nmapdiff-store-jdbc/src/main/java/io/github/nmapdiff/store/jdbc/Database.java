package io.github.nmapdiff.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.NullUnmarked;

/**
 * The pool and the one rule of its use: a piece of work runs on the connection its thread has
 * bound (inside {@link #transaction}), or on one borrowed for it, in a transaction of its own.
 * SQL failures become exceptions that say what to do: {@link StoreUnavailableException} when the
 * database cannot be reached, {@link SnapshotStoreException} otherwise.
 */
// JDBC glue: a column may be NULL wherever the schema allows it; the API it serves is marked
@NullUnmarked
final class Database implements AutoCloseable {
    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String where;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    Database(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /** Returns the database, as messages name it (host, port and name; never the password). */
    String where() {
        return where;
    }

    /**
     * Runs work in a transaction: the thread's, when it is inside one, else one of its own that
     * commits at the end, or rolls back when the work fails.
     */
    <T> T inTransaction(String what, Work<T> work) {
        Connection c = bound.get();
        if (c != null) {
            try {
                return work.on(c);
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
        try (Connection own = pool.getConnection()) {
            own.setAutoCommit(false);
            try {
                T result = work.on(own);
                own.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(own);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs several pieces of work in one transaction: every use of this database on this thread
     * inside {@code work} joins it; all of it is committed, or none.
     */
    void transaction(String what, Runnable work) {
        if (bound.get() != null) {
            work.run();
            return;
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            bound.set(c);
            try {
                work.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                bound.remove();
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A connection of its own, outside the pool's transactions (the advisory lock's); to close. */
    Connection dedicated() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failure("connect", e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            // the connection is gone: the server rolls back
        }
    }

    /** A failure as a user can act on it: the database unreachable, the password refused, a right missing. */
    NmapDiffException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (state.startsWith("08") || e instanceof java.sql.SQLTransientConnectionException) {
            return new StoreUnavailableException("the database " + where + " cannot be reached (" + message + ")", e);
        }
        if (state.startsWith("28")) {
            return new StoreUnavailableException("the database " + where + " refused the login (" + message
                    + "): check --store-user and the password", e);
        }
        if (state.equals("42501")) {
            return new SnapshotStoreException("the database " + where + " refused to " + what + " (" + message
                    + "): the role has no right to it; see the README's \"Adding a site\"", e);
        }
        return new SnapshotStoreException("the database " + where + " failed to " + what + ": " + message, e);
    }

    static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        pool.close();
    }
}
