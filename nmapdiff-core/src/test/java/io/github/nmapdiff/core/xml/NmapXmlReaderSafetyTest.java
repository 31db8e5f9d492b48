package io.github.nmapdiff.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile, broken and cut-short inputs: each gives a clear error or the hosts that were complete, never more. */
class NmapXmlReaderSafetyTest {
    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nmaprun scanner="nmap" args="nmap -oX - 127.0.0.1" start="1700000000" version="7.93" xmloutputversion="1.05">
            <scaninfo type="connect" protocol="tcp" numservices="1" services="22"/>
            <verbose level="0"/>
            <debugging level="0"/>
            """;
    private static final String HOST = """
            <host starttime="1700000000" endtime="1700000001"><status state="up" reason="user-set" reason_ttl="0"/>
            <address addr="127.0.0.%d" addrtype="ipv4"/>
            <hostnames>
            <hostname name="localhost" type="user"/>
            </hostnames>
            <ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="ssh" method="table" conf="3"/></port>
            </ports>
            </host>
            """;
    private static final String TRAILER = """
            <runstats><finished time="1700000002" timestr="Tue Nov 14 22:13:22 2023" elapsed="2.00" exit="success"/><hosts up="3" down="0" total="3"/>
            </runstats>
            </nmaprun>
            """;

    private final NmapXmlReader reader = new NmapXmlReader();

    @TempDir
    Path dir;

    private static String threeHosts() {
        return HEADER + HOST.formatted(1) + HOST.formatted(2) + HOST.formatted(3) + TRAILER;
    }

    private Scan read(String xml) {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    @Test
    void externalEntityCannotReadALocalFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE nmaprun [ <!ENTITY xxe SYSTEM "%s"> ]>
                <nmaprun scanner="nmap" args="&xxe;" version="7.93" xmloutputversion="1.05">
                <verbose level="0"/><debugging level="0"/>
                </nmaprun>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(MalformedScanException.class)
                .hasMessageContaining("test.xml:3:")
                .hasMessageContaining("xxe")
                .hasMessageContaining("expands no entity")
                .hasMessageNotContaining("TOP-SECRET-CONTENT");
    }

    @Test
    void externalDtdIsNeverFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String xml = """
                    <?xml version="1.0"?>
                    <!DOCTYPE nmaprun SYSTEM "http://127.0.0.1:%d/nmap.dtd">
                    <nmaprun scanner="nmap" version="7.93" xmloutputversion="1.05">
                    <verbose level="0"/><debugging level="0"/>
                    <runstats><finished time="1" elapsed="1"/><hosts up="0" down="0" total="0"/></runstats>
                    </nmaprun>
                    """.formatted(server.getLocalPort());

            Scan scan = read(xml);

            assertThat(scan.hosts()).isEmpty();
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).as("nobody connected").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void billionLaughsFailsWithAClearError() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<nmaprun scanner=\"nmap\" args=\"&lol9;\" version=\"7.93\" xmloutputversion=\"1.05\">\n</nmaprun>\n");

        assertThatThrownBy(() -> read(xml.toString()))
                .isInstanceOf(MalformedScanException.class)
                .hasMessageContaining("lol9")
                .hasMessageContaining("expands no entity");
    }

    @Test
    void doctypeWithoutDeclarationsAsNmapWritesItIsAccepted() {
        Scan scan = read(threeHosts().replace("<nmaprun ", "<!DOCTYPE nmaprun>\n<?xml-stylesheet href=\"file:///usr/share/nmap/nmap.xsl\" type=\"text/xsl\"?>\n<!-- Nmap 7.93 scan -->\n<nmaprun "));

        assertThat(scan.hosts()).hasSize(3);
        assertThat(scan.complete()).isTrue();
    }

    @Test
    void fileCutShortGivesTheCompleteHostsAndAnIncompleteScan() {
        String full = threeHosts();
        int cut = full.indexOf("<host ", full.indexOf("127.0.0.2")) + 40; // inside the third host

        Scan scan = read(full.substring(0, cut));

        assertThat(scan.complete()).isFalse();
        assertThat(scan.runStats()).isNull();
        assertThat(scan.hosts()).extracting(h -> h.addresses().get(0).address()).containsExactly("127.0.0.1", "127.0.0.2");
    }

    @Test
    void everyCutOfARealScanGivesAPrefixOfItsHostsOrAClearError() throws IOException {
        for (Path file : Corpus.files()) {
            everyCutGivesAPrefix(file);
        }
    }

    private void everyCutGivesAPrefix(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Scan whole = reader.read(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int firstElementEnd = text.indexOf('>', text.indexOf("<nmaprun")) + 1;

        for (int cut = 0; cut < bytes.length; cut += 211) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
            if (cut < firstElementEnd) {
                assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(prefix), "cut.xml"))
                        .isInstanceOf(MalformedScanException.class);
                continue;
            }
            Scan partial = reader.read(new ByteArrayInputStream(prefix), "cut.xml");
            assertThat(partial.complete()).as("%s cut at %d", file.getFileName(), cut).isFalse();
            assertThat(partial.hosts().size()).as("cut at %d", cut).isLessThanOrEqualTo(whole.hosts().size());
            assertThat(partial.hosts().equals(whole.hosts().subList(0, partial.hosts().size())))
                    .as("cut at %d gives the first hosts of the whole scan", cut).isTrue();
        }
    }

    @Test
    void errorInsideTheFileNamesLineAndColumn() {
        String broken = threeHosts().replace("<address addr=\"127.0.0.2\" addrtype=\"ipv4\"/>", "<address addr=\"127.0.0.2\" addrtype=\"ipv4\">");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(MalformedScanException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.xml");
                    assertThat(e.line()).isEqualTo(21);
                    assertThat(e.column()).isPositive();
                })
                .hasMessageStartingWith("test.xml:21:")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void scriptTablesNestedFarTooDeepAreAClearErrorNotAStackOverflow() {
        String deep = "<script id=\"x\" output=\"x\">\n" + "<table>".repeat(100_000) + "</table>".repeat(100_000) + "</script>";
        String broken = threeHosts().replaceFirst("</port>", deep + "</port>");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(MalformedScanException.class, e -> assertThat(e.line()).isEqualTo(12))
                .hasMessageContaining("nested more than 200 levels deep");
    }

    @Test
    void scriptTablesNestedAsDeepAsNmapNestsThemRead() {
        String nested = "<script id=\"x\" output=\"x\">" + "<table>".repeat(30) + "<elem key=\"k\">v</elem>"
                + "</table>".repeat(30) + "</script>";
        assertThat(read(threeHosts().replaceFirst("</port>", nested + "</port>")).hosts()).hasSize(3);
    }

    @Test
    void numberThatIsNotANumberNamesItsLine() {
        String broken = threeHosts().replaceFirst("portid=\"22\"", "portid=\"ssh\"");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(MalformedScanException.class, e -> assertThat(e.line()).isEqualTo(11))
                .hasMessageContaining("ssh");
    }

    @Test
    void unknownPortStateNamesTheHostAndTheWord() {
        String broken = threeHosts().replaceFirst("state=\"open\"", "state=\"wide-open\"");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(MalformedScanException.class, e -> assertThat(e.line()).isEqualTo(6))
                .hasMessageContaining("unknown port state 'wide-open'")
                .hasMessageContaining("open|filtered");
    }

    @Test
    void fileThatIsNotNmapOutputIsRefused() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<html><body/></html>\n"))
                .isInstanceOf(MalformedScanException.class)
                .hasMessageContaining("<html>")
                .hasMessageContaining("nmap -oX");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(MalformedScanException.class)
                .hasMessageStartingWith("test.xml");
        assertThatThrownBy(() -> read("Starting Nmap 7.93 ( https://nmap.org )\n"))
                .isInstanceOf(MalformedScanException.class);
    }

    @Test
    void missingFileIsAnIoError() {
        Path missing = dir.resolve("missing.xml");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(ScanIoException.class)
                .hasMessageContaining("missing.xml");
    }

    @Test
    void gzipCompressedFileReadsAsThePlainOne() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(threeHosts().getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(dir.resolve("scan.xml.gz"), bytes.toByteArray());

        assertThat(reader.read(file)).isEqualTo(read(threeHosts()));
    }

    @Test
    void readErrorOfTheUnderlyingStreamIsAnIoError() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served < HEADER.length()) {
                    return HEADER.charAt(served++);
                }
                throw new IOException("disk read error");
            }
        };

        assertThatThrownBy(() -> reader.read(failing, "failing.xml"))
                .isInstanceOf(ScanIoException.class)
                .hasMessageContaining("failing.xml")
                .hasMessageContaining("disk read error");
    }
}
