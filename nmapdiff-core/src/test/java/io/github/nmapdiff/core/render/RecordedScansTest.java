package io.github.nmapdiff.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Recorded;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ndiff renderings against what the real ndiff printed for the project's recorded scans
 * (versions, scripts with tables, OS detection, UDP, IPv6), every ordered pair: needs neither
 * nmap nor ndiff, so every clone runs it. ndiff 7.9x crashes in text mode on a port whose only
 * change is script output (exit 2); that pair's text is covered by NdiffCrashTest.
 */
class RecordedScansTest {
    private static final NmapXmlReader READER = new NmapXmlReader();

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String a : Recorded.NAMES) {
            for (String b : Recorded.NAMES) {
                pairs.add(Arguments.of(a, b));
            }
        }
        return pairs.stream();
    }

    private static ScanDiff diff(String a, String b) {
        Scan before = READER.read(Recorded.scan(a));
        Scan after = READER.read(Recorded.scan(b));
        return ScanDiff.between(before, after);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void textAndExitCodeAreNdiffs(String a, String b) {
        ScanDiff diff = diff(a, b);
        int[] exit = Recorded.exitCodes(a, b);

        if (exit[0] != 2) {
            assertThat(NdiffText.of(false, ZoneOffset.UTC).render(diff)).isEqualTo(Recorded.ndiff(a, b, ""));
            assertThat(diff.cost(false) > 0 ? 1 : 0).as("exit code").isEqualTo(exit[0]);
        }
        assertThat(NdiffText.of(true, ZoneOffset.UTC).render(diff)).isEqualTo(Recorded.ndiff(a, b, ".v"));
        assertThat(diff.cost(true) > 0 ? 1 : 0).as("exit code with -v").isEqualTo(exit[1]);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void xmlAndExitCodeAreNdiffs(String a, String b) {
        ScanDiff diff = diff(a, b);

        assertThat(NdiffXml.of(false, ZoneOffset.UTC).render(diff)).isEqualTo(Recorded.ndiff(a, b, "--xml"));
        assertThat(diff.cost(false) > 0 ? 1 : 0).as("exit code").isEqualTo(Recorded.exitCodes(a, b)[2]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theRecordedScansHoldWhatTheyAreMeantToCover(String name) {
        Scan scan = READER.read(Recorded.scan(name));

        assertThat(scan.complete()).isTrue();
        assertThat(scan.hosts()).singleElement().satisfies(h -> assertThat(h.ports()).anySatisfy(p ->
                assertThat(p.service()).isNotNull()));
    }

    static Stream<String> names() {
        return Recorded.NAMES.stream();
    }
}
