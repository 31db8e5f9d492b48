package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import io.github.nmapdiff.store.jdbc.PostgresSnapshotStore;
import io.github.nmapdiff.store.jdbc.PostgresStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the questions ({@code inventory}, {@code history}, {@code diff --at}, {@code report})
 * read the history: a snapshot folder, or the database of every site ({@code --store}), one
 * site ({@code --site}) or all that the role sees. Close it to close the database.
 */
final class HistorySource implements AutoCloseable {
    private final Path folder;
    private final StoreOptions.Settings settings;
    private final PostgresStore db;
    private final PrintWriter err;

    private HistorySource(Path folder, StoreOptions.Settings settings, PostgresStore db, PrintWriter err) {
        this.folder = folder;
        this.settings = settings;
        this.db = db;
        this.err = err;
    }

    /** The folder, or the database when {@code --store} is given: one of the two. */
    static HistorySource of(Path folder, StoreOptions store, PrintWriter err) {
        StoreOptions.Settings settings = store.settings();
        if (settings.database() == (folder != null)) {
            throw new NmapDiffException(folder == null ? "give the snapshot folder DIR, or the database with --store URL"
                    : "give the snapshot folder DIR or the database with --store URL, not both");
        }
        return new HistorySource(folder, settings, settings.database() ? settings.open() : null, err);
    }

    /** Whether more than one site can be asked of: a database without {@code --site}. */
    boolean manySites() {
        return db != null && settings.site() == null;
    }

    /** What it is, for titles and messages. */
    String describe() {
        return db == null ? folder.toString() : db.where() + (settings.site() == null ? "" : ", site " + settings.site());
    }

    /** The sites asked of, each with its memory and the rules of its last night (or those given). */
    List<Memories.Site> sites(Path rulesFile) {
        if (db == null) {
            Memories.Site site = Memories.site(folder, rulesFile, err);
            return List.of(settings.site() == null ? site : new Memories.Site(settings.site(), site.memory(), site.rules()));
        }
        List<String> names = settings.site() != null ? List.of(settings.site()) : db.sites();
        if (names.isEmpty()) {
            throw new NmapDiffException("the database " + db.where() + " holds no site yet: run the job with --store first");
        }
        List<Memories.Site> sites = new ArrayList<>();
        for (String name : names) {
            PostgresSnapshotStore site = db.site(name);
            NetworkMemory memory = NetworkMemory.over(site.memory().orElseThrow());
            if (memory.head().isEmpty()) {
                List<Snapshot> all = Snapshots.of(site).list();
                if (all.isEmpty()) {
                    err.println("nmapdiff: site " + name + " has no night in the database yet; left out");
                    continue;
                }
                memory = NetworkMemory.inMemory();
                Snapshots.of(site).learn(memory, all, NoisePolicy.defaults(), Memories.rules(memory, rulesFile), ZoneId.systemDefault());
            }
            sites.add(new Memories.Site(name, memory, Memories.rules(memory, rulesFile)));
        }
        return sites;
    }

    /** The snapshots of one site: the folder's, or those of the site named (or the only one) in the database. */
    SnapshotStore snapshots() {
        if (db == null) {
            if (!Files.isDirectory(folder)) {
                throw new NmapDiffException("no snapshot folder " + folder);
            }
            return FileSystemSnapshotStore.open(folder);
        }
        if (settings.site() != null) {
            return db.site(settings.site());
        }
        List<String> names = db.sites();
        if (names.size() != 1) {
            throw new NmapDiffException(names.isEmpty() ? "the database " + db.where() + " holds no site yet"
                    : "the database " + db.where() + " holds " + names.size() + " sites (" + String.join(", ", names)
                            + "): name one with --site");
        }
        return db.site(names.get(0));
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
