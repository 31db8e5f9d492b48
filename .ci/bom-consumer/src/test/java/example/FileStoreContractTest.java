package example;

import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import io.github.nmapdiff.testkit.SnapshotStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/** What the README's "Writing a store" asks of a store, run from a user's project. */
class FileStoreContractTest extends SnapshotStoreContract {
    @Override
    protected SnapshotStore newStore(Clock clock) {
        try {
            return FileSystemSnapshotStore.open(Files.createTempDirectory("store"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
