package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nmapdiff history DIR}: the snapshots kept, oldest first, with what each run found; with
 * {@code --host} or {@code --port}, the timeline of a host or a port from the job's memory.
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = {
    "Lists the snapshots in DIR with what each run found, or the timeline of a host or port.",
    "With --host or --port: when it was first seen, each change with its date, and when it was last seen."})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "the snapshot folder (or the database, with --store and --site)")
    Path folder;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--host", paramLabel = "ADDR|NAME", description = "the timeline of this host (its address or name)")
    String host;

    @Option(names = "--port", paramLabel = "N[/PROTO]", description = "the timeline of this port (on every host, or on --host)")
    String port;

    @Option(names = "--since", paramLabel = "DATE", description = "only what happened on or after this day (2026-10-01)")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "only what happened on or before this day")
    String until;

    @Option(names = "--json", description = "the timeline as JSON (format nmapdiff-timeline, version 1)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? null : PointInTime.startOf(since);
        Instant to = until == null ? null : PointInTime.endOf(until);
        if (from != null && to != null && from.isAfter(to)) {
            throw new NmapDiffException("--since " + since + " is after --until " + until + ": nothing can be in between");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HistorySource source = HistorySource.of(folder, store, spec.commandLine().getErr())) {
            if (host != null || port != null) {
                if (source.manySites()) {
                    source.snapshots(); // says which sites there are when there are several
                }
                return Timeline.print(source.sites(null).get(0).memory(), host, port, from, to, json, out);
            }
            SnapshotStore snapshots = source.snapshots();
            List<Snapshot> shown = Snapshots.of(snapshots).list().stream()
                    .filter(s -> (from == null || !s.takenAt().isBefore(from)) && (to == null || !s.takenAt().isAfter(to))).toList();
            out.printf("%-18s %-19s %-10s %7s %7s  %s%n", "ID", "STARTED (UTC)", "SCAN", "HOSTS", "CHANGES", "SUMMARY");
            for (Snapshot s : shown) {
                out.printf("%-18s %-19s %-10s %7d %7s  %s%n", s.id(), STARTED.format(s.start()), s.complete() ? "complete" : "INCOMPLETE",
                        s.hosts(), s.changes() == null ? "-" : s.changes().toString(),
                        s.summary() == null ? "" : TerminalWriter.field(s.summary()));
            }
            if (shown.isEmpty()) {
                out.println(from == null && to == null ? "(no snapshots yet)" : "(no snapshots in those days)");
            }
            if (snapshots instanceof FileSystemSnapshotStore fs) {
                fs.problems().forEach(p -> spec.commandLine().getErr().println("nmapdiff: warning: " + p));
            }
        }
        return 0;
    }

    /** When a scan started, to the second: the column's width whatever the clock's precision. */
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
}
