package io.github.nmapdiff.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Corpus;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our ndiff renderings against the real ndiff, for every ordered pair of nmap's ndiff test scans. */
class NdiffCompatibilityTest {
    private final NmapXmlReader reader = new NmapXmlReader();

    @Test
    void textOutputAndExitCodeEqualNdiffsForEveryCorpusPair() {
        List<String> crashes = new ArrayList<>();
        for (Path a : Corpus.files()) {
            for (Path b : Corpus.files()) {
                for (boolean verbose : new boolean[] {false, true}) {
                    Tool.Result ndiff = verbose ? Tool.ndiff("-v", a.toString(), b.toString())
                            : Tool.ndiff(a.toString(), b.toString());
                    ScanDiff diff = ScanDiff.between(reader.read(a), reader.read(b));
                    String ours = NdiffText.of(verbose, ZoneId.systemDefault()).render(diff);
                    String pair = (verbose ? "-v " : "") + a.getFileName() + " " + b.getFileName();
                    if (ndiff.exitCode() == 2) {
                        crashes.add(pair);
                        continue;
                    }
                    assertThat(ours).as(pair).isEqualTo(ndiff.stdout());
                    assertThat(diff.cost(verbose) > 0 ? 1 : 0).as(pair + " exit code").isEqualTo(ndiff.exitCode());
                }
            }
        }
        System.out.println("ndiff crashed on: " + crashes);
    }

    @Test
    void xmlOutputAndExitCodeEqualNdiffsForEveryCorpusPair() {
        for (Path a : Corpus.files()) {
            for (Path b : Corpus.files()) {
                for (boolean verbose : new boolean[] {false, true}) {
                    Tool.Result ndiff = verbose ? Tool.ndiff("-v", "--xml", a.toString(), b.toString())
                            : Tool.ndiff("--xml", a.toString(), b.toString());
                    ScanDiff diff = ScanDiff.between(reader.read(a), reader.read(b));
                    String ours = NdiffXml.of(verbose, ZoneId.systemDefault()).render(diff);
                    String pair = (verbose ? "-v " : "") + "--xml " + a.getFileName() + " " + b.getFileName();
                    assertThat(ours).as(pair).isEqualTo(ndiff.stdout());
                    assertThat(diff.cost(verbose) > 0 ? 1 : 0).as(pair + " exit code").isEqualTo(ndiff.exitCode());
                }
            }
        }
    }
}
