package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.testkit.MemoryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The folder's memory passes the memory contract, each check read back by a store opened again on the folder. */
class FileSystemMemoryStoreContractTest extends MemoryStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MemoryStore newMemoryStore() {
        return FileSystemSnapshotStore.open(dir).memory().orElseThrow();
    }

    @Override
    protected MemoryStore reopen(MemoryStore store) {
        return FileSystemSnapshotStore.open(dir).memory().orElseThrow();
    }
}
