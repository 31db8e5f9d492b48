package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Parameters(paramLabel = "DIR", description = "the snapshot folder")
    Path folder;

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
        if (host != null || port != null) {
            return Timeline.print(Memories.of(folder, spec.commandLine().getErr()), host, port,
                    since == null ? null : PointInTime.startOf(since), until == null ? null : PointInTime.endOf(until), json,
                    spec.commandLine().getOut());
        }
        if (!Files.isDirectory(folder)) {
            throw new SnapshotStoreException("no snapshot folder " + folder, null);
        }
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder);
        List<Snapshot> snapshots = Snapshots.of(store).list();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-18s %-20s %-10s %5s %7s  %s%n", "ID", "STARTED (UTC)", "SCAN", "HOSTS", "CHANGES", "SUMMARY");
        for (Snapshot s : snapshots) {
            out.printf("%-18s %-20s %-10s %5d %7s  %s%n", s.id(), s.start().toString().replace("T", " ").replace("Z", ""),
                    s.complete() ? "complete" : "INCOMPLETE", s.hosts(), s.changes() == null ? "-" : s.changes().toString(),
                    s.summary() == null ? "" : s.summary());
        }
        if (snapshots.isEmpty()) {
            out.println("(no snapshots yet)");
        }
        store.problems().forEach(p -> spec.commandLine().getErr().println("nmapdiff: warning: " + p));
        return 0;
    }
}
