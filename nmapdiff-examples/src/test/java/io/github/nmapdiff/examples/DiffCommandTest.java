package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.testing.LocalhostScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code diff} command, in process; {@link NmapDiffJarIT} runs it from the jar. */
class DiffCommandTest {
    @TempDir
    static Path dir;
    static Path before;
    static Path after;

    @BeforeAll
    static void scans() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("nmapdiff-diff");
        }
        before = LocalhostScan.startingAt(1_700_000_000).write(dir.resolve("before.xml"));
        after = LocalhostScan.startingAt(1_700_086_400).morePorts(
                "<port protocol=\"tcp\" portid=\"25\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>"
                        + "<service name=\"smtp\" product=\"Postfix smtpd\" method=\"probed\" conf=\"10\"/></port>\n")
                .write(dir.resolve("after.xml"));
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void differencesPrintNdiffTextAndExitOne() {
        int code = run("diff", before.toString(), after.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("\n localhost (127.0.0.1):\n PORT   STATE SERVICE VERSION\n+25/tcp open  smtp    Postfix smtpd\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noDifferenceExitsZero() {
        assertThat(run("diff", before.toString(), before.toString())).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jsonNamesTheOpenedPort() {
        assertThat(run("diff", "--json", before.toString(), after.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("\"kind\" : \"port-opened\"").contains("\"port\" : 25");
    }

    @Test
    void twoFormatsAtOnceAreAUsageError() {
        assertThat(run("diff", "--xml", "--json", before.toString(), after.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        assertThat(run("diff", before.toString(), dir.resolve("nope.xml").toString())).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).startsWith("nmapdiff: no such file:");
    }

    @Test
    void incompleteScanIsDiffedWithAWarning() throws IOException {
        String whole = Files.readString(after);
        Path cut = Files.writeString(dir.resolve("cut.xml"), whole.substring(0, whole.indexOf("<runstats>")));

        assertThat(run("diff", before.toString(), cut.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cut.xml is an incomplete scan");
        assertThat(out.toString()).contains("+25/tcp open  smtp");
    }

}
