package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.support.InMemorySnapshotStore;
import java.time.Clock;

/** The in-memory store of core's support package passes the store contract. */
class InMemorySnapshotStoreContractTest extends SnapshotStoreContract {
    @Override
    protected SnapshotStore newStore(Clock clock) {
        return InMemorySnapshotStore.create(clock);
    }
}
