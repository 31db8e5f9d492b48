package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.examples.sim.SimulatedNetwork;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void scansAreKeptOldestFirstWhateverTheirNamesAndABadFileIsNamedAndLeftOut() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("b.xml"), network.night(1));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(old.resolve("a.xml.gz")))) {
            gz.write(network.night(2).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(old.resolve("notes.xml"), "<html>not a scan</html>");
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path scans = dir.resolve("scans");

        int code = NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), "import", scans.toString(), old.toString(), "-f",
                ips.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(old.resolve("notes.xml") + ": not imported, not a readable nmap scan")
                .contains("1 file was not imported (above); the others were");
        List<Snapshot> kept = Snapshots.of(FileSystemSnapshotStore.open(scans)).list();
        assertThat(kept).extracting(Snapshot::start).containsExactly(SimulatedNetwork.start(1), SimulatedNetwork.start(2));
        assertThat(kept).extracting(Snapshot::summary).containsExactly("imported from b.xml", "imported from a.xml.gz");
        assertThat(kept).allMatch(s -> !s.needsFinishing() && s.targets().equals(List.of("192.0.2.0/24")));

        int again = NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), "import", scans.toString(),
                old.resolve("b.xml").toString(), "-f", ips.toString());
        assertThat(again).isZero();
        assertThat(out.toString()).contains("skipped " + old.resolve("b.xml") + ": already kept as snapshot")
                .contains("nmapdiff: 0 scans imported");
    }

    private int importing(Path scans, Path ips, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import", scans.toString()));
        args.addAll(List.of(more));
        args.addAll(List.of("-f", ips.toString()));
        return NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    private static void gzip(Path to, byte[] content) throws Exception {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(to))) {
            gz.write(content);
        }
    }

    @Test
    void theSameScanTwiceInOneImportIsKeptOnce() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("n1.xml"), network.night(1));
        gzip(old.resolve("n1.xml.gz"), network.night(1).getBytes(StandardCharsets.UTF_8));
        Files.writeString(old.resolve("n2.xml"), network.night(2));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path scans = dir.resolve("scans");

        assertThat(importing(scans, ips, old.toString())).as(err.toString()).isZero();

        assertThat(Snapshots.of(FileSystemSnapshotStore.open(scans)).list()).hasSize(2);
        assertThat(out.toString()).containsPattern("skipped " + java.util.regex.Pattern.quote(old.toString()) + "/n1\\.xml(\\.gz)?: already kept")
                .contains("nmapdiff: 2 scans imported");
    }

    @Test
    void importingAddsToTheMemoryAndLosesNoFirstSeenDate() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        for (int n = 1; n <= 25; n++) {
            Files.writeString(old.resolve("night-" + n + ".xml"), network.night(n));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        Path scans = dir.resolve("scans");
        List<Path> first = new java.util.ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            first.add(old.resolve("night-" + n + ".xml"));
        }
        assertThat(importing(scans, ips, first.stream().map(Path::toString).toArray(String[]::new))).as(err.toString()).isZero();
        // retention thins the folder: the first ten nights' scans are gone, the memory keeps what they saw
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(scans);
        Snapshots.of(store).list().subList(0, 10).forEach(s -> store.delete(s.id()));

        assertThat(importing(scans, ips, old.resolve("night-21.xml").toString(), old.resolve("night-22.xml").toString()))
                .as(err.toString()).isZero();
        assertThat(firstSeen(scans, "192.0.2.24")).as("seen since night 1").isEqualTo(SimulatedNetwork.start(1));

        // a scan older than the memory's last night: kept, and the memory keeps what it knew
        assertThat(importing(scans, ips, old.resolve("night-3.xml").toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("the memory keeps what it knew");
        assertThat(firstSeen(scans, "192.0.2.24")).isEqualTo(SimulatedNetwork.start(1));
        assertThat(NetworkMemory.over(FileSystemSnapshotStore.open(scans).memory().orElseThrow()).through())
                .as("still the newest night").isEqualTo(Snapshots.of(FileSystemSnapshotStore.open(scans)).list().stream()
                        .filter(s -> s.start().equals(SimulatedNetwork.start(22))).findFirst().orElseThrow().id());
    }

    private static java.time.Instant firstSeen(Path scans, String address) {
        return NetworkMemory.over(FileSystemSnapshotStore.open(scans).memory().orElseThrow()).hosts().stream()
                .filter(h -> h.address().equals(address)).findFirst().orElseThrow().firstSeen();
    }

    @Test
    void aFileThatExpandsBeyondTheBoundIsNamedAndTheOthersAreImported() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        // a scan's header, then more than the bound of nothing: it compresses to a few kilobytes
        String night2 = network.night(2);
        gzip(old.resolve("bomb.xml.gz"), night2.replace("</nmaprun>", " ".repeat(3 << 20) + "</nmaprun>").getBytes(StandardCharsets.UTF_8));
        Files.writeString(old.resolve("n1.xml"), network.night(1));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path scans = dir.resolve("scans");

        assertThat(importing(scans, ips, old.toString(), "--max-file-size", "2M")).isEqualTo(2);

        assertThat(err.toString()).contains(old.resolve("bomb.xml.gz") + ": not imported, it holds more than 2 MiB once decompressed");
        assertThat(Snapshots.of(FileSystemSnapshotStore.open(scans)).list()).hasSize(1);
        try (var left = Files.list(scans)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith(".import-"));
        }
    }

    @Test
    void aFifoNamedLikeAScanIsNamedNotRead() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        io.github.nmapdiff.core.testing.Tool.run(10, "mkfifo", old.resolve("pipe.xml").toString());
        Files.writeString(old.resolve("n1.xml"), network.night(1));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path scans = dir.resolve("scans");

        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> importing(scans, ips, old.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(old.resolve("pipe.xml") + ": not imported, not a regular file");
        assertThat(Snapshots.of(FileSystemSnapshotStore.open(scans)).list()).hasSize(1);
    }

    @Test
    void aFileCutShortIsRefusedBeforeItsFirstHostAndIncompleteAfter() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        String night1 = network.night(1);
        String night2 = network.night(2);
        Files.writeString(old.resolve("cut-early.xml"), night1.substring(0, night1.indexOf("<host") + 40));
        int third = night2.indexOf("</host>", night2.indexOf("</host>", night2.indexOf("</host>") + 1) + 1);
        Files.writeString(old.resolve("cut-late.xml"), night2.substring(0, third + 7));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24"));
        Path scans = dir.resolve("scans");

        assertThat(importing(scans, ips, old.toString())).isEqualTo(2);

        assertThat(err.toString()).contains(old.resolve("cut-early.xml") + ": not imported, it ends before its first host");
        List<Snapshot> kept = Snapshots.of(FileSystemSnapshotStore.open(scans)).list();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).start()).isEqualTo(SimulatedNetwork.start(2));
        assertThat(kept.get(0).complete()).isFalse();
        assertThat(kept.get(0).hosts()).isEqualTo(3);
        assertThat(out.toString()).contains("(incomplete: the file ends before nmap finished it)");
    }
}
