package io.github.nmapdiff.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Corpus;
import io.github.nmapdiff.core.testing.Recorded;
import io.github.nmapdiff.core.testing.ScanGenerators;
import io.github.nmapdiff.core.testing.Tool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmapXmlWriterTest {
    private final NmapXmlReader reader = new NmapXmlReader();
    private final NmapXmlWriter writer = new NmapXmlWriter();

    @TempDir
    Path dir;

    private Scan roundTrip(Scan scan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(scan, out);
        return reader.read(new ByteArrayInputStream(out.toByteArray()), "written.xml");
    }

    @Test
    void writeThenReadIsTheIdentityForGeneratedScans() {
        qt().withExamples(300).forAll(ScanGenerators.scans()).checkAssert(scan -> assertThat(roundTrip(scan)).isEqualTo(scan));
    }

    @Test
    void writeThenReadIsTheIdentityForEveryCorpusFile() {
        for (Path file : Corpus.files()) {
            Scan scan = reader.read(file);
            assertThat(roundTrip(scan)).as(file.getFileName().toString()).isEqualTo(scan);
        }
    }

    /**
     * ndiff compares the written file with its original exactly as it compares the original
     * with itself (which, with {@code -v} and scripts, is not always "no difference": ndiff
     * 7.9x counts some unchanged script results as changes).
     */
    @Test
    void ndiffSeesAWrittenFileAsItsOriginal() {
        for (Path file : Corpus.files()) {
            Path written = dir.resolve(file.getFileName());
            writer.write(reader.read(file), written);

            for (String mode : List.of("", "-v", "--xml")) {
                Tool.Result self = ndiff(mode, file, file);
                Tool.Result result = ndiff(mode, file, written);
                assertThat(result.stdout()).as("ndiff %s %s", mode, file.getFileName())
                        .isEqualTo(self.stdout().replace(file.toString(), written.toString()));
                assertThat(result.exitCode()).as("ndiff %s %s exit code", mode, file.getFileName()).isEqualTo(self.exitCode());
            }
            assertThat(ndiff("", file, written).exitCode()).as("ndiff %s", file.getFileName()).isZero();
        }
    }

    private static Tool.Result ndiff(String mode, Path a, Path b) {
        return mode.isEmpty() ? Tool.ndiff(a.toString(), b.toString()) : Tool.ndiff(mode, a.toString(), b.toString());
    }

    @Test
    void textThatXmlCannotHoldIsRefusedWithTheCharacter() {
        Scan scan = reader.read(Recorded.scan("a"));
        Scan bad = new Scan(scan.scanner(), "nmap \u0007bell", scan.nmapVersion(), scan.xmlOutputVersion(), scan.start(),
                scan.startString(), scan.scanInfos(), 0, 0, List.of(), scan.hosts(), List.of(), scan.runStats(), true);

        assertThatThrownBy(() -> writer.write(bad, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0007");
    }

    @Test
    void outputLooksLikeNmapsOwn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(reader.read(Recorded.scan("a")), out);
        String xml = out.toString(StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner=\"nmap\"");
        assertThat(xml).contains("<port protocol=\"tcp\" portid=\"47022\">\n<state state=\"open\"");
        assertThat(xml).endsWith("</runstats>\n</nmaprun>\n");
    }
}
