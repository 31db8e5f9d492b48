package io.github.nmapdiff.nmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmapOptionsTest {
    @Test
    void defaultsAreTheMonitoringSetOfTheShellScript() {
        assertThat(NmapOptions.defaults().arguments()).containsExactly("-v", "-sV", "--top-ports", "5000", "-T4", "-Pn", "-R");
        assertThat(NmapOptions.defaults().statsEvery()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void typedSettingsChangeOneArgumentEach() {
        NmapOptions options = NmapOptions.builder().ports("22,80,8000-8100").timing(3).reverseDns(NmapOptions.ReverseDns.NEVER)
                .serviceDetection(false).verbosity(2).add("--script", "banner").build();

        assertThat(options.arguments()).containsExactly("-vv", "-p", "22,80,8000-8100", "-T3", "-Pn", "-n", "--script", "banner");
    }

    @Test
    void argumentsCanBeReplacedWhole() {
        assertThat(NmapOptions.of(List.of("-sT", "-p", "22")).arguments()).containsExactly("-sT", "-p", "22");
    }

    @Test
    void argumentsThatWouldBreakTheRunnerAreRefused() {
        for (String bad : List.of("-oX", "-oN", "-oG", "-oA", "-oAscan", "-oX/tmp/x.xml", "-iL", "-iR", "--resume",
                "--append-output", "--stats-every", "--stats-every=1s", "-h", "--version")) {
            assertThatThrownBy(() -> NmapOptions.builder().add(bad).build()).as(bad)
                    .isInstanceOf(InvalidNmapOptionsException.class)
                    .hasMessageContaining("'" + bad + "' is not allowed");
        }
        assertThatThrownBy(() -> NmapOptions.of(List.of("-sT", "-oX", "out.xml")))
                .hasMessageContaining("nmapdiff writes nmap's XML output itself");
    }

    @Test
    void everySpellingNmapAcceptsOfAReservedOptionIsRefused() {
        // nmap reads options as getopt_long_only: one or two dashes, =value, prefixes, _ for -
        for (String bad : List.of("--oN=/tmp/x", "--oN", "--oA", "--iL", "--iR", "--resum", "--append_output", "--stats_every",
                "-oN/tmp/x", "-iLtargets", "--oX=-", "-oG", "--help", "--he", "-h", "-V", "--versio", "--iflist", "-o", "-i")) {
            assertThatThrownBy(() -> NmapOptions.of(List.of("-sT", bad))).as(bad)
                    .isInstanceOf(InvalidNmapOptionsException.class).hasMessageContaining("is not allowed");
        }
    }

    @Test
    void optionsThatOnlyLookLikeReservedOnesStayAllowed() {
        List<String> fine = List.of("-v", "-vv", "-sV", "-sS", "-sT", "-sn", "-A", "-O", "-Pn", "-R", "-r", "-n", "-6", "-f", "-q",
                "--version-intensity", "5", "--version-light", "--reason", "--resolve-all", "--script", "banner", "-T4", "-p", "22",
                "--open", "--top-ports", "100", "--script-args", "x=1");
        assertThat(NmapOptions.of(fine).arguments()).isEqualTo(fine);
    }

    @Test
    void badValuesAreRefusedWithTheRange() {
        assertThatThrownBy(() -> NmapOptions.builder().timing(7)).hasMessageContaining("0 to 5");
        assertThatThrownBy(() -> NmapOptions.builder().topPorts(0)).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> NmapOptions.builder().ports("22; reboot")).hasMessageContaining("not a port list");
        assertThatThrownBy(() -> NmapOptions.builder().add("-p\n22").build()).hasMessageContaining("control character");
    }

    @Test
    void commandAddsTargetsOutputAndProgress() {
        NmapScanner scanner = NmapScanner.builder().executable("/usr/bin/nmap").build();

        assertThat(scanner.command()).containsExactly("/usr/bin/nmap", "-v", "-sV", "--top-ports", "5000", "-T4", "-Pn", "-R",
                "--stats-every", "5000ms", "-iL", Path.of("TARGETS").toString(), "-oX", Path.of("XML").toString());
    }
}
