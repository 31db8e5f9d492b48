package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.memory.ScanSource;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import io.github.nmapdiff.store.jdbc.PostgresSnapshotStore;
import io.github.nmapdiff.core.support.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands a site's nights from its local folder to the database, oldest first: each night the
 * local memory absorbed and the database does not have yet, in one transaction (the snapshot,
 * the site's memory in the database learning it, the run's record), so that a night is in the
 * database whole or not at all, and a night pushed twice is taken once. The folder is the spool:
 * a night waits in it while the database cannot be reached.
 *
 * <p>The database's memory of the site learns each night from the same scan with the same
 * rules as the local memory did, so that the two say the same.
 */
final class SitePush {
    private SitePush() {
    }

    /** The file in the folder that says how far the database has the site's nights: the site, then the time of the last. */
    static final String MARK = FileSystemSnapshotStore.JOB_FILES + "database-pushed";

    /** What a push did: the nights handed over. */
    record Pushed(int nights) {
    }

    /** The time of the newest night of the site the folder knows the database has; empty when it knows of none. */
    static Optional<Instant> pushedThrough(FileSystemSnapshotStore local, String siteName) {
        Path mark = local.folder().resolve(MARK);
        try {
            if (!Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            String[] fields = Files.readString(mark, StandardCharsets.UTF_8).strip().split("\t");
            return fields.length == 2 && fields[0].equals(siteName) ? Optional.of(Instant.parse(fields[1])) : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty(); // pushed again: the database takes a night once
        }
    }

    private static void markPushed(FileSystemSnapshotStore local, String siteName, Instant through) {
        try {
            AtomicFiles.writeAtomically(local.folder().resolve(MARK), (siteName + "\t" + through + "\n").getBytes(StandardCharsets.UTF_8),
                    AtomicFiles.Access.OWNER);
        } catch (IOException e) {
            // the database has the night; without the mark the next run looks again and takes nothing twice
        }
    }

    /**
     * Returns the nights of the folder the database does not have yet, oldest first: those the
     * local memory absorbed, taken after the database's newest snapshot of the site.
     */
    static List<Snapshot> waiting(FileSystemSnapshotStore local, Optional<Instant> newestInDatabase) {
        Snapshots snapshots = Snapshots.of(local);
        List<Snapshot> all = snapshots.list();
        MemoryHead head = NetworkMemory.over(local.memory().orElseThrow()).head().orElse(null);
        List<Snapshot> waiting = new ArrayList<>();
        for (Snapshot s : all) {
            if (Snapshots.absorbed(head, s, all) && (newestInDatabase.isEmpty() || s.takenAt().isAfter(newestInDatabase.get()))) {
                waiting.add(s);
            }
        }
        return waiting;
    }

    /**
     * Pushes what waits, then applies retention in the database as in the folder.
     *
     * @throws NmapDiffException when the database fails; the nights pushed before stay, the others wait
     */
    static Pushed push(FileSystemSnapshotStore local, PostgresSnapshotStore site, NoisePolicy noise, Rules rules,
            RetentionPolicy retention, Instant now) {
        Snapshots remote = Snapshots.of(site);
        NetworkMemory memory = NetworkMemory.over(site.memory().orElseThrow());
        // a memory the database lost, or one another version wrote, is learned again from its snapshots first
        if (memory.head().map(h -> h.version() != MemoryHead.VERSION).orElse(false)) {
            memory.store().clear();
        }
        remote.learn(memory, remote.list(), noise, rules, ZoneId.systemDefault());
        List<Snapshot> held = remote.list();
        Optional<Instant> newest = held.isEmpty() ? Optional.empty() : Optional.of(held.get(held.size() - 1).takenAt());
        Map<String, String> ids = new HashMap<>();
        held.forEach(s -> ids.put(s.id(), s.id()));
        List<Snapshot> toPush = waiting(local, newest);
        int pushed = 0;
        for (Snapshot s : toPush) {
            Path file = local.localFile(s.id()).orElse(null);
            site.inOneTransaction(() -> {
                ScanResult scan;
                if (file != null && Files.isRegularFile(file)) {
                    scan = ScanResult.builder(file, new NmapXmlReader().summarize(file)).build();
                } else {
                    byte[] xml = Snapshots.of(local).readXml(s.id()); // compressed by --compress-after
                    scan = ScanResult.builder(xml, new NmapXmlReader().summarize(xml, local.location(s.id()))).build();
                }
                Snapshot kept = site.save(NewSnapshot.of(scan, s.start(), s.scope()));
                ids.put(s.id(), kept.id());
                if (!Snapshots.absorbed(memory.head().orElse(null), kept, remote.list())) {
                    ScanSource source = file != null && Files.isRegularFile(file) ? ScanSource.of(file)
                            : ScanSource.of(scan.xml(), local.location(s.id()));
                    remote.learn(memory, kept, source, noise, rules, ZoneId.systemDefault());
                }
                // the local run told the notifiers: in the database the night is done
                site.update(kept.withRun(s.changes(), s.summary(), s.baselineId() == null ? null : ids.get(s.baselineId()), List.of()));
            });
            markPushed(local, site.site(), s.takenAt());
            pushed++;
        }
        if (toPush.isEmpty() && newest.isPresent()) {
            markPushed(local, site.site(), newest.get());
        }
        if (retention != null) {
            remote.applyRetention(retention, now);
        }
        return new Pushed(pushed);
    }
}
