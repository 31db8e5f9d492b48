package io.github.nmapdiff.store.jdbc;

import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.testkit.SnapshotStoreContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The store contract, against a real PostgreSQL: a database of its own for each test. */
class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {
    private final List<PostgresStore> opened = new ArrayList<>();
    private final Map<SnapshotStore, String> urls = new IdentityHashMap<>();

    @Override
    protected SnapshotStore newStore(Clock clock) {
        String url = TestPostgres.shared().newDatabase();
        PostgresSnapshotStore store = open(url, clock).site("contract");
        urls.put(store, url);
        return store;
    }

    private PostgresStore open(String url, Clock clock) {
        PostgresStore db = PostgresStore.builder(url).user(TestPostgres.ADMIN).password(TestPostgres.ADMIN_PASSWORD).clock(clock).build();
        opened.add(db);
        return db;
    }

    /** The same database through a new pool, as the next run opens it. */
    @Override
    protected SnapshotStore reopen(SnapshotStore store) {
        return open(urls.get(store), Clock.systemUTC()).site("contract");
    }

    @AfterEach
    void close() {
        opened.forEach(PostgresStore::close);
    }
}
