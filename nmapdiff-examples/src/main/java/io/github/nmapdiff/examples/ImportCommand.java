package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.StoreLock;
import io.github.nmapdiff.core.support.AtomicFiles;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.core.xml.ScanSummary;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.Targets;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--rules", paramLabel = "FILE",
            description = "the rules the job applies (its --rules): the nights learned keep what they ignore and the severities they give")
    Path rulesFile;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "4G",
            description = "the most one scan may hold once decompressed; a larger file is named and left out (default: ${DEFAULT-VALUE})")
    String maxFileSize;

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
        long maxExpanded = Sizes.parse(maxFileSize, "--max-file-size");
        Rules rules = rulesFile == null ? Rules.none() : RulesFile.read(rulesFile);
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder, Clock.systemUTC(), groupReadable);
        Snapshots snapshots = Snapshots.of(store);
        int imported = 0;
        int refused = 0;
        try (StoreLock lock = store.lock(Duration.ofMinutes(5))) {
            // first each file's start (its header only), to keep them oldest first; a year of scans is never in memory at once
            List<Found> found = new ArrayList<>();
            for (Path file : scanFiles()) {
                if (!Files.isRegularFile(file)) {
                    // a FIFO or a device named *.xml would hang or flood the import
                    err.println("nmapdiff: " + file + ": not imported, not a regular file (a FIFO, a device?)");
                    refused++;
                    continue;
                }
                try {
                    found.add(new Found(file, start(file)));
                } catch (NmapDiffException | IOException e) {
                    err.println("nmapdiff: " + file + ": not imported, " + reason(e));
                    refused++;
                }
            }
            found.sort(Comparator.comparing(Found::start));
            List<Snapshot> held = new ArrayList<>(snapshots.list());
            Optional<MemoryHead> head = NetworkMemory.over(store.memory().orElseThrow()).head();
            // whether every scan the memory learned from is still here, so that learning it again loses nothing
            boolean allStillHere = head.isEmpty() || held.stream().filter(s -> Snapshots.absorbed(head.get(), s, held)).count()
                    >= head.get().sequence();
            Scope scope = Scope.of(targets, arguments);
            boolean older = false;
            for (Found f : found) {
                Path copy = null;
                try {
                    copy = expanded(f.file(), maxExpanded);
                    String digest = digest(copy);
                    Snapshot same = held.stream().filter(s -> s.start().equals(f.start()) && digest.equals(digest(snapshots, s)))
                            .findFirst().orElse(null);
                    if (same != null) {
                        out.println("skipped " + f.file() + ": already kept as snapshot " + same.id());
                        continue;
                    }
                    ScanSummary summary = new NmapXmlReader().summarize(copy);
                    if (!summary.complete() && summary.hosts() == 0) {
                        throw new NmapDiffException("it ends before its first host (a file cut short?)");
                    }
                    Snapshot kept = store.save(NewSnapshot.of(ScanResult.builder(copy, summary).build(), f.start(), scope));
                    // its run is long over: nothing to compare or tell now; the memory learns from it below
                    kept = kept.withRun(null, "imported from " + f.file().getFileName(), null, List.of());
                    store.update(kept);
                    held.add(kept);
                    older |= head.isPresent() && !f.start().isAfter(head.get().throughTime());
                    out.println("imported " + f.file() + " as snapshot " + kept.id()
                            + (summary.complete() ? "" : " (incomplete: the file ends before nmap finished it)"));
                    imported++;
                } catch (NmapDiffException | IOException e) {
                    err.println("nmapdiff: " + f.file() + ": not imported, " + reason(e));
                    refused++;
                } finally {
                    if (copy != null) {
                        Files.deleteIfExists(copy);
                    }
                }
            }
            if (imported > 0) {
                learn(store, snapshots, rules, older, allStillHere, err);
            }
        } catch (IOException e) {
            throw new NmapDiffException("cannot import into " + folder + ": " + AtomicFiles.describe(e));
        }
        out.println("nmapdiff: " + InventoryCommand.count(imported, "scan") + " imported into " + folder
                + (imported == 0 ? "" : "; the next scan compares with the newest complete one and remembers them all"));
        out.flush();
        if (refused > 0) {
            err.println("nmapdiff: " + (refused == 1 ? "1 file was" : refused + " files were") + " not imported (above); the others were");
            err.flush();
            return ExitCode.ERROR.code();
        }
        return ExitCode.OK.code();
    }

    /**
     * Teaches the job's memory what was imported, adding to what it knows: scans newer than its
     * last night are learned after it; scans older than that mean learning every night again,
     * which is done only when every scan it learned from is still here (retention deleted
     * none), for otherwise the first-seen dates of what those scans saw would be lost.
     */
    private void learn(FileSystemSnapshotStore store, Snapshots snapshots, Rules rules, boolean older, boolean allStillHere,
            PrintWriter err) {
        NetworkMemory memory = NetworkMemory.over(store.memory().orElseThrow());
        Optional<MemoryHead> head = memory.head();
        if (older && head.isPresent()) {
            if (!allStillHere) {
                err.println("nmapdiff: the scans older than the memory's last night (" + PointInTime.date(head.get().throughTime())
                        + ") are kept as snapshots, and the memory keeps what it knew: retention deleted scans it learned from,"
                        + " and learning it again would lose when things were first seen");
                return;
            }
            memory.store().clear();
        }
        snapshots.learn(memory, snapshots.list(), NoisePolicy.defaults(), rules, ZoneId.systemDefault());
    }

    /** When a scan started, from its header; a file without it has no place in the history. */
    private static Instant start(Path file) throws IOException {
        try (InputStream in = open(file); var stream = new NmapXmlReader().open(in, file.toString())) {
            Instant start = stream.scan().start();
            if (start == null) {
                throw new NmapDiffException("its header has no start time (nmaprun start), so its place in the history is unknown");
            }
            return start;
        }
    }

    /** The scan's XML in a file of the folder, decompressed; at most {@code max} bytes. */
    private Path expanded(Path file, long max) throws IOException {
        Path copy = Files.createTempFile(folder, ".import-", ".xml");
        try (InputStream in = open(file); OutputStream to = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new NmapDiffException("it holds more than " + Sizes.format(max)
                            + " once decompressed (a compressed bomb? --max-file-size sets the bound)");
                }
                to.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    private static String digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        } catch (IOException e) {
            throw new NmapDiffException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String digest(Snapshots snapshots, Snapshot s) {
        try (InputStream in = new ByteArrayInputStream(snapshots.readXml(s.id()))) {
            return digest(in);
        } catch (IOException | NmapDiffException e) {
            return "unreadable";
        }
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
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
            } else if (Files.exists(f)) {
                all.add(f);
            } else {
                throw new NmapDiffException("no such file or folder: " + f);
            }
        }
        return all;
    }

    private static InputStream open(Path file) throws IOException {
        return file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file);
    }

    private static String reason(Exception e) {
        String m = firstLine(e.getMessage());
        return e instanceof NmapDiffException && !(e instanceof MalformedScanException) ? m
                : "not a readable nmap scan: " + m;
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
