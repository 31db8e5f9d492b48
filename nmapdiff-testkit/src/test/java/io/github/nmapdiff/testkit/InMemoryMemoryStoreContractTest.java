package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.support.InMemoryMemoryStore;

/** The memory store of core's support package passes the memory contract. */
class InMemoryMemoryStoreContractTest extends MemoryStoreContract {
    @Override
    protected MemoryStore newMemoryStore() {
        return InMemoryMemoryStore.create();
    }
}
