package io.github.nmapdiff.store.jdbc;

import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.testkit.MemoryStoreContract;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The memory's contract, against a real PostgreSQL: a database of its own for each test. */
class PostgresMemoryStoreContractTest extends MemoryStoreContract {
    private final List<PostgresStore> opened = new ArrayList<>();
    private final Map<MemoryStore, String> urls = new IdentityHashMap<>();

    @Override
    protected MemoryStore newMemoryStore() {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        PostgresStore db = open(url);
        MemoryStore memory = db.site("contract").memory().orElseThrow();
        urls.put(memory, url);
        return memory;
    }

    private PostgresStore open(String url) {
        PostgresStore db = PostgresStore.builder(url).user(TestPostgres.ADMIN).password(TestPostgres.ADMIN_PASSWORD).build();
        opened.add(db);
        return db;
    }

    /** The same database through a new pool, as the next run opens it. */
    @Override
    protected MemoryStore reopen(MemoryStore store) {
        String url = urls.get(store);
        MemoryStore again = open(url).site("contract").memory().orElseThrow();
        urls.put(again, url);
        return again;
    }

    @AfterEach
    void close() {
        opened.forEach(PostgresStore::close);
    }
}
