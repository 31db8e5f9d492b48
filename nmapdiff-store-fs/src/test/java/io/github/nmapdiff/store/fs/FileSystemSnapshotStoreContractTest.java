package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.testkit.SnapshotStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store passes the contract every store must pass. */
class FileSystemSnapshotStoreContractTest extends SnapshotStoreContract {
    @TempDir
    Path dir;

    @Override
    protected SnapshotStore newStore(Clock clock) {
        try {
            return FileSystemSnapshotStore.open(Files.createTempDirectory(dir, "store"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder opened again, as the next run opens it: the memory read back from its files. */
    @Override
    protected SnapshotStore reopen(SnapshotStore store) {
        return FileSystemSnapshotStore.open(((FileSystemSnapshotStore) store).folder());
    }
}
