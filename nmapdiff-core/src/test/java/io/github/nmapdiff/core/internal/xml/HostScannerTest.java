package io.github.nmapdiff.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Corpus;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostScannerTest {
    @TempDir
    Path dir;

    private static final String HOST = """
            <host starttime="%d" endtime="%d"><status state="up" reason="syn-ack" reason_ttl="64"/>
            <address addr="127.0.0.%d" addrtype="ipv4"/>
            <hostnames>
            <hostname name="%s" type="PTR"/>
            </hostnames>
            <ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="ssh" product="%s" method="probed" conf="10"/></port>
            </ports>
            <uptime seconds="%d" lastboot="Sat Nov 28 %d"/>
            <tcpsequence index="260" difficulty="Good luck! &gt;" values="%d"/>
            <times srtt="%d" rttvar="5000" to="100000"/>
            <!-- a comment -->
            </host>
            """;

    private Path file(String name, String... hosts) throws IOException {
        return Files.writeString(dir.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
                + "<?xml-stylesheet href=\"file:///usr/share/nmap/nmap.xsl\" type=\"text/xsl\"?>\n"
                + "<nmaprun scanner=\"nmap\" args=\"nmap -sV 127.0.0.1\" start=\"1\" version=\"7.93\" xmloutputversion=\"1.05\">\n"
                + "<verbose level=\"0\"/>\n" + String.join("", hosts)
                + "<runstats><finished time=\"2\" elapsed=\"1\"/><hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>\n</nmaprun>\n");
    }

    private static String host(int n, String name, String product, int seed) {
        return HOST.formatted(seed, seed + 1, n, name, product, seed * 7, seed, seed * 13, seed * 3);
    }

    @Test
    void idsAreNdiffsForEveryCorpusHost() {
        for (Path file : Corpus.files()) {
            HostIndex index = HostScanner.scan(file);
            assertThat(index).as(file.getFileName().toString()).isNotNull();
            Scan scan = new NmapXmlReader().read(file);
            assertThat(index.hosts()).extracting(HostIndex.Entry::id)
                    .containsExactlyElementsOf(scan.hosts().stream().map(h -> NdiffHost.of(h).id()).toList());
        }
    }

    @Test
    void hostsThatDifferOnlyInWhatNdiffIgnoresHaveOneFingerprint() throws IOException {
        HostIndex a = HostScanner.scan(file("a.xml", host(1, "one.test", "OpenSSH", 100)));
        HostIndex b = HostScanner.scan(file("b.xml", host(1, "one.test", "OpenSSH", 987654)));
        HostIndex c = HostScanner.scan(file("c.xml", host(1, "one.test", "Dropbear", 100)));

        assertThat(a.hosts().get(0).sameAs(b.hosts().get(0))).isTrue();
        assertThat(a.hosts().get(0).sameAs(c.hosts().get(0))).isFalse();
    }

    @Test
    void attributeEntitiesAndBreaksAreDecodedAsAnXmlParserDoes() throws IOException {
        Path file = file("a.xml", host(1, "a&amp;b&#x2e;test", "x", 1), host(2, "tab\tname", "x", 1));

        assertThat(HostScanner.scan(file).hosts()).extracting(HostIndex.Entry::id)
                .containsExactly(String.format("%-40s", "127.0.0.1") + "a&b.test", String.format("%-40s", "127.0.0.2") + "tab name");
        assertThat(HostScanner.scan(file).hosts()).extracting(HostIndex.Entry::id)
                .containsExactlyElementsOf(new NmapXmlReader().read(file).hosts().stream().map(h -> NdiffHost.of(h).id()).toList());
    }

    @Test
    void whatItDoesNotTakeIsLeftToTheCarefulReader() throws IOException {
        Path whole = file("whole.xml", host(1, "one.test", "OpenSSH", 1));
        String text = Files.readString(whole);
        assertThat(HostScanner.scan(whole)).isNotNull();

        Path cut = Files.writeString(dir.resolve("cut.xml"), text.substring(0, text.indexOf("</host>")));
        Path subset = Files.writeString(dir.resolve("subset.xml"), text.replace("<!DOCTYPE nmaprun>", "<!DOCTYPE nmaprun [<!ENTITY x \"y\">]>"));
        Path cdata = Files.writeString(dir.resolve("cdata.xml"), text.replace("<!-- a comment -->", "<![CDATA[ <x> ]]>"));
        Path latin1 = Files.writeString(dir.resolve("latin1.xml"), text.replace("UTF-8", "ISO-8859-1"));
        Path entity = Files.writeString(dir.resolve("entity.xml"), text.replace("one.test", "&x;"));
        Path gz = dir.resolve("whole.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(whole));
        }

        for (Path p : new Path[] {cut, subset, cdata, latin1, entity, gz}) {
            assertThat(HostScanner.scan(p)).as(p.getFileName().toString()).isNull();
        }
    }

    @Test
    void aHostLargerThanTheBufferIsScannedWhole() throws IOException {
        String big = host(1, "one.test", "x".repeat(3 << 20), 1);

        HostIndex index = HostScanner.scan(file("big.xml", host(2, "two.test", "y", 1), big));

        assertThat(index.hosts()).hasSize(2);
        assertThat(index.hosts().get(1).end() - index.hosts().get(1).start()).isGreaterThan(3 << 20);
    }
}
