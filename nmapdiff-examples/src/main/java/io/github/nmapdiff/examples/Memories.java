package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The job's memory of a snapshot folder, for the commands that answer questions from it. */
final class Memories {
    private Memories() {
    }

    /**
     * Returns the memory the job keeps in the folder; where there is none (a folder of an
     * earlier version), one learned from the snapshots of the newest scope, said on stderr.
     */
    static NetworkMemory of(Path folder, PrintWriter err) {
        if (!Files.isDirectory(folder)) {
            throw new NmapDiffException("no snapshot folder " + folder);
        }
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder);
        try {
            NetworkMemory kept = NetworkMemory.over(store.memory().orElseThrow());
            if (kept.head().isPresent()) {
                return kept;
            }
        } catch (RuntimeException e) {
            err.println("nmapdiff: warning: the job's memory in " + folder + " cannot be read (" + e.getMessage()
                    + "); learning it again from the snapshots");
        }
        Snapshots snapshots = Snapshots.of(store);
        List<Snapshot> all = snapshots.list();
        if (all.stream().noneMatch(Snapshot::complete)) {
            throw new NmapDiffException(folder + " holds no complete scan yet: run the job (nmapdiff scan) first");
        }
        NetworkMemory memory = NetworkMemory.inMemory();
        snapshots.learn(memory, all, NoisePolicy.defaults());
        err.println("nmapdiff: " + folder + " has no memory of the network yet (the next scan keeps one); learned it from "
                + all.size() + " snapshots");
        return memory;
    }
}
