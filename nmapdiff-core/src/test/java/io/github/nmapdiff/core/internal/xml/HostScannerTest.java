package io.github.nmapdiff.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.internal.NdiffIgnores;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Corpus;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** A host with every element of {@link NdiffIgnores#HOST_ELEMENTS}, each with {@code %1$d} in it. */
    private static final String EVERY_IGNORED = """
            <host><status state="up" reason="syn-ack" reason_ttl="64"/>
            <address addr="127.0.0.9" addrtype="ipv4"/>
            <ports><port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="64"/></port></ports>
            <os><portused state="open" proto="tcp" portid="%1$d"/>
            <osmatch name="Linux 5.0 - 5.14" accuracy="100" line="61000">
            <osclass type="general purpose" vendor="Linux" osfamily="Linux" osgen="5.X" accuracy="%1$d"/>
            </osmatch>
            <osfingerprint fingerprint="OS:SCAN(V=7.93%%D=%1$d)"/>
            </os>
            <uptime seconds="%1$d" lastboot="Sat Nov 28 02:00:00 2026"/>
            <tcpsequence index="%1$d" difficulty="Good luck!" values="%1$d"/>
            <ipidsequence class="All zeros" values="%1$d"/>
            <tcptssequence class="1000HZ" values="%1$d"/>
            <smurf responses="%1$d"/>
            <trace port="%1$d" proto="tcp"><hop ttl="1" ipaddr="127.0.0.9" rtt="0.0%1$d"/></trace>
            <times srtt="%1$d" rttvar="5000" to="100000"/>
            </host>
            """;

    @Test
    void bothReadersIgnoreExactlyTheTableOfWhatNdiffIgnores() throws IOException {
        String one = EVERY_IGNORED.formatted(1);
        String two = EVERY_IGNORED.formatted(2);
        for (String element : NdiffIgnores.HOST_ELEMENTS) {
            assertThat(one).as("the host holds <%s>", element).contains("<" + element + " ");
        }
        Path a = file("ignored-a.xml", one);
        Path b = file("ignored-b.xml", two);

        assertThat(sameFirstHost(HostScanner.scan(a), HostScanner.scan(b))).as("the fast path").isTrue();
        assertThat(ScanDiff.between(new NmapXmlReader().read(a), new NmapXmlReader().read(b)).changes()).as("the careful reader")
                .isEmpty();

        // and no more than the table: the same host with a change in what ndiff compares differs to both
        Path c = file("ignored-c.xml", one.replace("Linux 5.0 - 5.14", "Linux 6.1"));
        assertThat(sameFirstHost(HostScanner.scan(a), HostScanner.scan(c))).isFalse();
        assertThat(ScanDiff.between(new NmapXmlReader().read(a), new NmapXmlReader().read(c)).changes()).isNotEmpty();
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

    /** Whether the first hosts of two indexed files are the same to ndiff. */
    private static boolean sameFirstHost(HostIndex x, HostIndex y) throws IOException {
        try (HostIndex.Bytes bx = x.bytes(); HostIndex.Bytes by = y.bytes()) {
            return HostIndex.same(bx, x.hosts().get(0), by, y.hosts().get(0));
        }
    }

    @Test
    void hostsThatDifferOnlyInWhatNdiffIgnoresAreTheSame() throws IOException {
        HostIndex a = HostScanner.scan(file("a.xml", host(1, "one.test", "OpenSSH", 100)));
        HostIndex b = HostScanner.scan(file("b.xml", host(1, "one.test", "OpenSSH", 987654)));
        HostIndex c = HostScanner.scan(file("c.xml", host(1, "one.test", "Dropbear", 100)));
        HostIndex d = HostScanner.scan(file("d.xml", host(1, "one.test", "OpenSSI", 100)));

        assertThat(sameFirstHost(a, b)).isTrue();
        assertThat(sameFirstHost(a, c)).isFalse();
        assertThat(sameFirstHost(a, d)).as("one byte differs").isFalse();
    }

    @Test
    void ignoredElementsMayLieAnywhereInTheHost() throws IOException {
        String plain = host(1, "one.test", "OpenSSH", 100);
        String moved = plain.replace("<times srtt=\"300\" rttvar=\"5000\" to=\"100000\"/>", "")
                .replace("<ports>", "<times srtt=\"1\" rttvar=\"2\" to=\"3\"/><ports>");
        assertThat(moved).isNotEqualTo(plain);

        assertThat(sameFirstHost(HostScanner.scan(file("a.xml", plain)), HostScanner.scan(file("b.xml", moved)))).isTrue();
        assertThat(sameFirstHost(HostScanner.scan(file("a.xml", plain)),
                HostScanner.scan(file("b.xml", moved.replace("<ports>", "<ports> "))))).isFalse();
    }

    @Test
    void theIndexDoesNotDependOnWhereTheBufferEnds() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.files());
        files.add(file("own.xml", host(1, "one.test", "OpenSSH", 100), host(2, "two.test", "x", 1)));
        for (Path file : files) {
            HostIndex whole = HostScanner.scan(file, 1 << 20);
            for (int size = 70; size < 400; size += 7) {
                HostIndex small = HostScanner.scan(file, size);
                assertThat(small).as(file.getFileName() + " with " + size + " bytes").isNotNull();
                assertThat(small.hosts()).hasSameSizeAs(whole.hosts());
                for (int i = 0; i < whole.hosts().size(); i++) {
                    HostIndex.Entry x = whole.hosts().get(i);
                    HostIndex.Entry y = small.hosts().get(i);
                    assertThat(List.of(y.id(), y.start(), y.end())).isEqualTo(List.of(x.id(), x.start(), x.end()));
                    assertThat(y.kept()).isEqualTo(x.kept());
                }
                assertThat(small.document(small.hosts())).isEqualTo(whole.document(whole.hosts()));
            }
        }
    }

    @Test
    void anIdTwiceOrAQuoteUnclosedBeforeTheTagEndsIsLeftToTheCarefulReader() throws IOException {
        String one = host(1, "one.test", "OpenSSH", 100);
        assertThat(HostScanner.scan(file("twice.xml", one, one))).isNull();
        assertThat(HostScanner.scan(file("gt.xml", one.replace("one.test", "one>test")))).isNull();
        assertThat(HostScanner.scan(file("gt-elsewhere.xml", one.replace("OpenSSH", "Open>SSH")))).isNotNull();
    }

    @Test
    void keysAreEqualExactlyWhenNdiffIdsAre() throws IOException {
        String v4 = "<address addr=\"127.0.0.1\" addrtype=\"ipv4\"/>";
        String[][] hosts = {
            {v4, "a.test"},
            {v4, "a&#46;test"},
            {"<address addr=\"127.0.0.1\"/>", "b.test", "a.test"},
            {v4},
            {v4, ""},
            {"", "a.test"},
            {"<address addr=\"00:11:22:33:44:55\" addrtype=\"mac\"/><address addr=\"::1\" addrtype=\"ipv6\"/>"},
            {"<address addr=\"::1\" addrtype=\"ipv6\"/>"},
            {"<address addr=\"127.0.0.9\" addrtype=\"ipv4\"/><address addr=\"127.0.0.10\" addrtype=\"ipv4\"/>"},
            {"<address addr=\"127.0.0.10\" addrtype=\"ipv4\"/>"},
            {v4, "\u00e9.test"},
            {v4, "e.test"},
            {v4, "tab\tname"},
            {v4, "tab name"},
            // ndiff pads an address to 40 characters; a longer one runs into the name
            {"<address addr=\"1234567890123456789012345678901234567890ab\" addrtype=\"ipv6\"/>", "c"},
            {"<address addr=\"1234567890123456789012345678901234567890\" addrtype=\"ipv6\"/>", "abc"},
            {"<address addr=\"123456789012345678901234567890123456789\" addrtype=\"ipv6\"/>", "0abc"},
        };
        List<HostIndex.Key> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            StringBuilder host = new StringBuilder("<host><status state=\"up\"/>").append(hosts[i][0]);
            if (hosts[i].length > 1) {
                host.append("<hostnames>");
                for (int n = 1; n < hosts[i].length; n++) {
                    host.append("<hostname name=\"").append(hosts[i][n]).append("\" type=\"PTR\"/>");
                }
                host.append("</hostnames>");
            }
            Path file = file(i + ".xml", host.append("</host>\n").toString());
            HostIndex index = HostScanner.scan(file);
            assertThat(index).as(host.toString()).isNotNull();
            keys.add(index.hosts().get(0).key());
            ids.add(NdiffHost.of(new NmapXmlReader().read(file).hosts().get(0)).id());
        }
        for (int i = 0; i < hosts.length; i++) {
            assertThat(keys.get(i).ndiffId()).as(String.join(" ", hosts[i])).isEqualTo(ids.get(i));
            for (int j = 0; j < hosts.length; j++) {
                assertThat(keys.get(i).equals(keys.get(j))).as(String.join(" ", hosts[i]) + " and " + String.join(" ", hosts[j]))
                        .isEqualTo(ids.get(i).equals(ids.get(j)));
            }
        }
        assertThat(keys.get(14)).as("a 42-character address and a 40-character one can make the same id").isEqualTo(keys.get(15));
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
