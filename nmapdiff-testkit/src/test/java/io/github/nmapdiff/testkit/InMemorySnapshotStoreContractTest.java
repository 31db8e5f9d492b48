package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.spi.SnapshotStore;
import java.time.Clock;

/** The in-memory store passes the contract it ships beside. */
class InMemorySnapshotStoreContractTest extends SnapshotStoreContract {
    @Override
    protected SnapshotStore newStore(Clock clock) {
        return InMemorySnapshotStore.create(clock);
    }
}
