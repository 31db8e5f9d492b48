package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

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
}
