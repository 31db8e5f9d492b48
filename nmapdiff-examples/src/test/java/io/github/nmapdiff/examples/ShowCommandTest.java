package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.testing.LocalhostScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void showPrintsHostsAndPorts() throws IOException {
        Path file = LocalhostScan.startingAt(1_700_000_000).ssh("8.9p1", "protocol 2.0").write(dir.resolve("scan.xml"));

        int code = run("show", file.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("nmap 7.93, started 2023-11-14T22:13:20Z, complete, 1 host")
                .contains("127.0.0.1 (localhost) up")
                .contains("  22/tcp open ssh OpenSSH 8.9p1 (protocol 2.0)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void missingFileIsAOneLineErrorWithExitCodeTwo() {
        int code = run("show", dir.resolve("missing.xml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("nmapdiff: no such file: ").contains("missing.xml").hasLineCount(1);
    }

    @Test
    void malformedFileNamesTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.xml"), "<?xml version=\"1.0\"?>\n<nmaprun>\n<host><status state=\"up\"></host>\n</nmaprun>\n");

        int code = run("show", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.xml:3:").hasLineCount(1).doesNotContain("Exception");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("show", "--frobnicate", "scan.xml")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").contains("Try 'nmapdiff show --help'");
    }
}
