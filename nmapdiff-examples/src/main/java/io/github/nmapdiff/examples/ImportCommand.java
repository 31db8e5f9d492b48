package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.StoreLock;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.Targets;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nmapdiff import DIR FILE...}: takes scans another tool kept (the dated XML files
 * {@code nmap-diff.sh} left in its folder) into the snapshot folder, oldest first, so that the
 * job's memory of the network starts with the past months instead of from nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Takes nmap XML scans kept by another tool (nmap-diff.sh's dated files) into DIR, oldest first.",
            "FILE may be a folder: its .xml and .xml.gz files are taken. Give the targets and nmap arguments the job",
            "will use, so that its first scan compares with the newest one imported; the job remembers them all."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the snapshot folder of the job")
    Path folder;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "scans, or folders of scans")
    List<Path> files;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
            description = "the targets the scans covered: the job's targets file")
    Path targetsFile;

    @Option(names = "--nmap-args", paramLabel = "ARGS",
            description = "the nmap options the job uses (default: -v -sV --top-ports 5000 -T4 -Pn -R, as the shell script)")
    String nmapArgs;

    @Option(names = "--group-readable", description = "let the folder's group read the snapshots too (0640)")
    boolean groupReadable;

    /** A file to keep, and when its scan started (its header says). */
    private record Found(Path file, Instant start) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> targets = Targets.read(targetsFile);
        List<String> arguments = nmapArgs == null ? NmapOptions.defaults().arguments()
                : NmapOptions.of(Arguments.split(nmapArgs)).arguments();
        // first the start of each (its header only), to keep them oldest first; a year of scans is never in memory at once
        List<Found> found = new ArrayList<>();
        int unreadable = 0;
        for (Path file : scanFiles()) {
            try (InputStream in = open(file); var stream = new NmapXmlReader().open(in, file.toString())) {
                Instant start = stream.scan().start();
                found.add(new Found(file, start != null ? start : Files.getLastModifiedTime(file).toInstant()));
            } catch (NmapDiffException | IOException e) {
                err.println("nmapdiff: " + file + ": not imported, not a readable nmap scan: " + firstLine(e.getMessage()));
                unreadable++;
            }
        }
        found.sort(Comparator.comparing(Found::start));

        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder, Clock.systemUTC(), groupReadable);
        Snapshots snapshots = Snapshots.of(store);
        int imported = 0;
        try (StoreLock lock = store.lock(Duration.ofMinutes(5))) {
            List<Snapshot> held = snapshots.list();
            Scope scope = Scope.of(targets, arguments);
            for (Found f : found) {
                byte[] xml;
                Scan scan;
                try {
                    xml = bytes(f.file());
                    scan = new NmapXmlReader().read(new ByteArrayInputStream(xml), f.file().toString());
                } catch (NmapDiffException | IOException e) {
                    err.println("nmapdiff: " + f.file() + ": not imported, not a readable nmap scan: " + firstLine(e.getMessage()));
                    unreadable++;
                    continue;
                }
                Snapshot same = held.stream().filter(s -> s.start().equals(f.start()) && Arrays.equals(snapshots.readXml(s.id()), xml))
                        .findFirst().orElse(null);
                if (same != null) {
                    out.println("skipped " + f.file() + ": already kept as snapshot " + same.id());
                    continue;
                }
                Snapshot kept = store.save(NewSnapshot.of(scan, xml, f.start(), scope));
                // its run is long over: nothing to compare or tell now; the next run learns from it
                kept = kept.withRun(null, "imported from " + f.file().getFileName(), null, List.of());
                store.update(kept);
                out.println("imported " + f.file() + " as snapshot " + kept.id() + (scan.complete() ? "" : " (incomplete)"));
                imported++;
            }
            if (imported > 0) {
                // the memory of the network, so that the questions (inventory, history) and the next scan start from it:
                // learned from every snapshot, in order, the imported ones among them
                NetworkMemory memory = NetworkMemory.over(store.memory().orElseThrow());
                memory.store().clear();
                snapshots.learn(memory, snapshots.list(), NoisePolicy.defaults());
            }
        }
        out.println("nmapdiff: " + imported + (imported == 1 ? " scan" : " scans") + " imported into " + folder
                + (imported == 0 ? "" : "; the next scan compares with the newest complete one and remembers them all"));
        out.flush();
        if (unreadable > 0) {
            err.println("nmapdiff: " + unreadable + (unreadable == 1 ? " file was" : " files were")
                    + " not imported (above); the others were");
            err.flush();
            return ExitCode.ERROR.code();
        }
        return ExitCode.OK.code();
    }

    private List<Path> scanFiles() {
        List<Path> all = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> inside = Files.list(f)) {
                    inside.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".xml.gz")).sorted().forEach(all::add);
                } catch (IOException e) {
                    throw new NmapDiffException("cannot list " + f + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(f)) {
                all.add(f);
            } else {
                throw new NmapDiffException("no such file or folder: " + f);
            }
        }
        return all;
    }

    private static byte[] bytes(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(Path file) throws IOException {
        return file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
