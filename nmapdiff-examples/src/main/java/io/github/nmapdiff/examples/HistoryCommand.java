package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmapdiff history DIR}: the snapshots kept, oldest first, with what each run found. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Lists the snapshots in DIR with their change counts.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the snapshot folder")
    Path folder;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new io.github.nmapdiff.core.SnapshotStoreException("no snapshot folder " + folder, null);
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
