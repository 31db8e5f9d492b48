package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.diff.FileDiff;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffJson;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.render.NdiffXml;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nmapdiff diff [-v] [--text|--xml|--json] A B}: ndiff, without its crashes; or
 * {@code nmapdiff diff DIR --at 2026-10-01 --at 2026-11-01}: between two points in time of a
 * snapshot folder.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {
            "Compares two nmap XML files, or two days of a snapshot folder, and prints what changed, as ndiff does.",
            "With a folder and --at twice: the newest complete snapshot taken on or before each date (or a snapshot id).",
            "Exit code: 0 no difference, 1 differences, 2 error."
        })
final class DiffCommand implements Callable<Integer> {
    /** Exit code when the scans differ. */
    static final int EXIT_DIFFERENT = 1;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "also show hosts and ports that have not changed")
    boolean verbose;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--text", description = "ndiff's text output (the default)")
        boolean text;

        @Option(names = "--xml", description = "ndiff's XML output")
        boolean xml;

        @Option(names = "--json", description = "nmapdiff's JSON document (format nmapdiff-diff, version 1)")
        boolean json;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "A",
            description = "the older scan (nmap -oX), or the snapshot folder with --at (or none: the database, with --store)")
    Path before;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "the newer scan (nmap -oX)")
    Path after;

    @Option(names = "--at", paramLabel = "DATE|ID",
            description = "a point in time of the folder A: a date (2026-10-01) or a snapshot id; give it twice")
    List<String> at = new ArrayList<>();

    @Override
    public Integer call() {
        if (!at.isEmpty() || after == null) {
            pointsInTime();
        }
        // -v shows every host, so it needs the scans whole; otherwise only the hosts that changed are read in full
        ScanDiff diff;
        if (verbose && !format.json) {
            NmapXmlReader reader = new NmapXmlReader();
            diff = ScanDiff.between(reader.read(before), reader.read(after));
        } else {
            diff = FileDiff.between(before, after);
        }
        PrintWriter err = spec.commandLine().getErr();
        warnIfIncomplete(err, before, diff.before());
        warnIfIncomplete(err, after, diff.after());

        ZoneId zone = ZoneId.systemDefault();
        String output;
        int cost;
        if (format.json) {
            output = DiffJson.render(diff);
            cost = diff.cost(false);
        } else if (format.xml) {
            output = NdiffXml.of(verbose, zone).render(diff);
            cost = diff.cost(verbose);
        } else {
            output = NdiffText.of(verbose, zone).render(diff);
            cost = diff.cost(verbose);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output);
        out.flush();
        return cost > 0 ? EXIT_DIFFERENT : 0;
    }

    /** Takes A as a snapshot folder (or the database's site) and the two --at as the scans to compare. */
    private void pointsInTime() {
        boolean database = store.settings().database();
        if (at.size() != 2 || after != null || (before == null && !database)) {
            throw new NmapDiffException(at.isEmpty() ? "give two scan files, or a snapshot folder with --at twice"
                    : "give a snapshot folder (or --store) and --at twice (dates like 2026-10-01, or snapshot ids), not " + at.size()
                            + " --at" + (after != null ? " and a second file" : ""));
        }
        if (!database && !Files.isDirectory(before)) {
            throw new NmapDiffException("no snapshot folder " + before + " (--at picks scans from one)");
        }
        try (HistorySource source = HistorySource.of(database ? null : before, store, spec.commandLine().getErr())) {
            SnapshotStore snapshots = source.snapshots();
            List<Snapshot> all = Snapshots.of(snapshots).list();
            Path where = database ? Path.of(source.describe()) : before;
            Snapshot first = PointInTime.pick(all, at.get(0), where);
            Snapshot second = PointInTime.pick(all, at.get(1), where);
            before = fileOf(snapshots, first);
            after = fileOf(snapshots, second);
        }
    }

    /** The snapshot's XML as a file: the folder's own, or a temporary copy of the database's (removed when the JVM ends). */
    private static Path fileOf(SnapshotStore snapshots, Snapshot s) {
        Optional<Path> local = snapshots.localFile(s.id());
        if (local.isPresent()) {
            return local.get();
        }
        try (InputStream in = snapshots.openXml(s.id())) {
            Path copy = Files.createTempFile("nmapdiff-" + s.id() + "-", ".xml");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new NmapDiffException("cannot read " + snapshots.location(s.id()) + ": " + e.getMessage());
        }
    }

    private static void warnIfIncomplete(PrintWriter err, Path file, Scan scan) {
        if (!scan.complete()) {
            err.println("nmapdiff: warning: " + file + " is an incomplete scan (nmap did not finish it);"
                    + " hosts it did not reach show as removed");
        }
    }
}
