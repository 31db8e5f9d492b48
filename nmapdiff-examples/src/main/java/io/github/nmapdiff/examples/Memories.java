package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.spi.MemoryHead;
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
     * The memory of one site, with the rules the job applied to its last night: the questions
     * give the severities the mail gave.
     *
     * @param name the site's name; {@code default} for a folder that names none
     * @param memory its memory
     * @param rules the rules of its last night (none when it had none)
     */
    record Site(String name, NetworkMemory memory, Rules rules) {
    }

    /** The site a folder holds, with its rules: those given, or those its last night applied. */
    static Site site(Path folder, Path rulesFile, PrintWriter err) {
        NetworkMemory memory = of(folder, err);
        return new Site(siteName(memory), memory, rules(memory, rulesFile));
    }

    /** The rules to apply: a file given, else the text the job kept with its last night. */
    static Rules rules(NetworkMemory memory, Path rulesFile) {
        if (rulesFile != null) {
            return RulesFile.read(rulesFile);
        }
        String kept = memory.head().map(h -> h.attributes().get(MemoryHead.RULES)).orElse(null);
        return kept == null ? Rules.none() : RulesFile.parse(kept, Path.of("the rules of the last night"));
    }

    /** The site a memory is of, as its last night named it. */
    static String siteName(NetworkMemory memory) {
        return memory.head().map(h -> h.attributes().getOrDefault(MemoryHead.SITE, "default")).orElse("default");
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
