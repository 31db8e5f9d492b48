package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

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
    private static final String SCAN = """
            <?xml version="1.0"?>
            <nmaprun scanner="nmap" args="nmap -sV 127.0.0.1" start="%d" version="7.93" xmloutputversion="1.05">
            <verbose level="0"/><debugging level="0"/>
            <host><status state="up" reason="user-set" reason_ttl="0"/>
            <address addr="127.0.0.1" addrtype="ipv4"/>
            <hostnames><hostname name="localhost" type="user"/></hostnames>
            <ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="64"/>
            <service name="ssh" product="OpenSSH" version="9.2p1" method="probed" conf="10"/></port>
            %s</ports>
            </host>
            <runstats><finished time="%d" elapsed="5.00" exit="success"/><hosts up="1" down="0" total="1"/></runstats>
            </nmaprun>
            """;

    @TempDir
    static Path dir;
    static Path before;
    static Path after;

    @BeforeAll
    static void scans() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("nmapdiff-diff");
        }
        before = Files.writeString(dir.resolve("before.xml"), SCAN.formatted(1_700_000_000, "", 1_700_000_005));
        after = Files.writeString(dir.resolve("after.xml"), SCAN.formatted(1_700_086_400,
                "<port protocol=\"tcp\" portid=\"25\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>"
                        + "<service name=\"smtp\" product=\"Postfix smtpd\" method=\"probed\" conf=\"10\"/></port>",
                1_700_086_405));
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
