package io.github.nmapdiff.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffJson;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.render.NdiffXml;
import io.github.nmapdiff.core.testing.Corpus;
import io.github.nmapdiff.core.testing.SampleScans;
import io.github.nmapdiff.core.testing.ScanGenerators;
import io.github.nmapdiff.core.testing.ScanPairs;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.core.xml.NmapXmlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast comparison of files renders exactly as the full one, and falls back where it must. */
class FileDiffTest {
    private final NmapXmlReader reader = new NmapXmlReader();

    @TempDir
    Path dir;

    private void assertSameAsFull(Path a, Path b) {
        ScanDiff full = ScanDiff.between(reader.read(a), reader.read(b));
        ScanDiff fast = FileDiff.between(a, b);
        String pair = a.getFileName() + " " + b.getFileName();
        assertThat(NdiffText.of(false, ZoneOffset.UTC).render(fast)).as(pair).isEqualTo(NdiffText.of(false, ZoneOffset.UTC).render(full));
        assertThat(NdiffXml.of(false, ZoneOffset.UTC).render(fast)).as(pair).isEqualTo(NdiffXml.of(false, ZoneOffset.UTC).render(full));
        assertThat(DiffJson.render(fast)).as(pair).isEqualTo(DiffJson.render(full));
        assertThat(fast.cost(false)).isEqualTo(full.cost(false));
        assertThat(fast.before().complete()).isEqualTo(full.before().complete());
        assertThat(fast.after().complete()).isEqualTo(full.after().complete());
    }

    @Test
    void everyCorpusPairRendersAsTheFullComparison() {
        for (Path a : Corpus.files()) {
            for (Path b : Corpus.files()) {
                assertSameAsFull(a, b);
            }
        }
    }

    @Test
    void onlyTheHostsThatChangedAreReadInFull() {
        Instant night = Instant.parse("2026-11-01T02:00:00Z");
        List<String> hosts = new java.util.ArrayList<>();
        for (int i = 1; i <= 55; i++) {
            hosts.add("127.0.1." + i + ":22");
        }
        Scan before = SampleScans.scan(night, true, hosts.toArray(String[]::new));
        hosts.set(7, "127.0.1.8:22,5432");
        hosts.add("127.0.1.200:3389");
        Scan after = SampleScans.scan(night.plusSeconds(86_400), true, hosts.toArray(String[]::new));
        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("b.xml");
        new NmapXmlWriter().write(before, a);
        new NmapXmlWriter().write(after, b);

        ScanDiff fast = FileDiff.between(a, b);

        assertThat(fast.hostsBefore()).isEqualTo(55);
        assertThat(fast.hostsAfter()).isEqualTo(56);
        assertThat(fast.before().hosts()).as("only the host that changed").hasSize(1);
        assertThat(fast.after().hosts()).as("the host that changed and the new one").hasSize(2);
        assertThat(fast.partial()).as("a diff of the changed hosts says so").isTrue();
        assertThat(ScanDiff.between(before, after).partial()).isFalse();
    }

    @Test
    void generatedPairsRenderAsTheFullComparison() {
        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("b.xml");
        NmapXmlWriter writer = new NmapXmlWriter();
        qt().withExamples(300).forAll(ScanPairs.pairs()).checkAssert(pair -> {
            writer.write(pair.before(), a);
            writer.write(pair.after(), b);
            assertSameAsFull(a, b);
        });
    }

    @Test
    void fullyRandomScansRenderAsTheFullComparison() {
        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("b.xml");
        NmapXmlWriter writer = new NmapXmlWriter();
        qt().withExamples(200).forAll(ScanGenerators.scans(), ScanGenerators.scans()).checkAssert((x, y) -> {
            writer.write(x, a);
            writer.write(y, b);
            assertSameAsFull(a, b);
        });
    }

    @Test
    void cutGzippedAndDuplicateFilesFallBackToTheFullComparison() throws IOException {
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        Scan scan = SampleScans.scan(day, true, "127.0.0.1:22", "127.0.0.2:80");
        Path a = dir.resolve("a.xml");
        new NmapXmlWriter().write(scan, a);
        String whole = Files.readString(a);
        Path cut = Files.writeString(dir.resolve("cut.xml"), whole.substring(0, whole.indexOf("<runstats>")));
        Path gz = dir.resolve("b.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            new NmapXmlWriter().write(SampleScans.scan(day, true, "127.0.0.1:22,443"), out);
        }
        List<Host> twice = new ArrayList<>(scan.hosts());
        twice.add(scan.hosts().get(0));
        Path duplicate = dir.resolve("dup.xml");
        new NmapXmlWriter().write(scan.withHosts(twice), duplicate);

        assertSameAsFull(a, cut);
        assertSameAsFull(gz, a);
        assertSameAsFull(duplicate, a);
        assertThat(FileDiff.between(a, cut).after().complete()).isFalse();
    }

    @Test
    void aBrokenChangedHostIsReportedAtItsLineInTheFile() throws IOException {
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        Path a = dir.resolve("a.xml");
        new NmapXmlWriter().write(SampleScans.scan(day, true, "127.0.0.1:22", "127.0.0.2:80"), a);
        Path b = dir.resolve("b.xml");
        new NmapXmlWriter().write(SampleScans.scan(day.plusSeconds(60), true, "127.0.0.1:22", "127.0.0.2:443"), b);
        String text = Files.readString(b);
        Files.writeString(b, text.replace("portid=\"443\">\n<state state=\"open\"", "portid=\"443\">\n<state state=\"wide-open\""));
        int line = (int) Files.readString(b).lines().takeWhile(l -> !l.contains("127.0.0.2")).count() - 1;

        assertThatThrownBy(() -> FileDiff.between(a, b))
                .isInstanceOfSatisfying(MalformedScanException.class, e -> {
                    assertThat(e.source()).isEqualTo(b.toString());
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessageContaining("wide-open");
    }

    @Test
    void hostileFilesGiveTheCarefulReadersError() throws IOException {
        Path a = dir.resolve("a.xml");
        new NmapXmlWriter().write(SampleScans.scan(Instant.parse("2026-11-01T00:00:00Z"), true, "127.0.0.1:22"), a);
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10))
                    .append("\">\n");
        }
        laughs.append("]>\n<nmaprun scanner=\"nmap\" args=\"&lol9;\" version=\"7.93\">\n<host><status state=\"up\"/>"
                + "<address addr=\"&lol9;\"/></host></nmaprun>\n");
        Path bomb = Files.writeString(dir.resolve("bomb.xml"), laughs);

        assertThatThrownBy(() -> FileDiff.between(a, bomb)).isInstanceOf(MalformedScanException.class)
                .hasMessageContaining("expands no entity");
    }
}
