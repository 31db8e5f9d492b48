package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.spi.ScanProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    @Test
    void onATerminalABarIsRedrawnInPlaceAndEndedByFinish() {
        StringWriter screen = new StringWriter();
        ProgressReporter reporter = new ProgressReporter(new PrintWriter(screen), Duration.ofSeconds(30));

        reporter.progress(ScanProgress.builder().task("Service scan").percent(50.0).remaining(Duration.ofSeconds(75))
                .elapsed(Duration.ofSeconds(10)).hosts(1, 2).build());
        reporter.progress(ScanProgress.builder().task("Service scan").percent(100.0).elapsed(Duration.ofSeconds(20)).hosts(2, 2).build());
        reporter.finish();

        assertThat(screen.toString())
                .startsWith("\r[" + "#".repeat(15) + "-".repeat(15) + "] Service scan 50.0%, 0:01:15 left, 1 host done\u001b[K")
                .contains("\r[" + "#".repeat(30) + "] Service scan 100.0%, 2 hosts done\u001b[K")
                .endsWith(System.lineSeparator());
    }

    @Test
    void progressIsDescribedForLogLines() {
        assertThat(ProgressReporter.describe(ScanProgress.builder().build())).isEqualTo("starting, 0 hosts done");
        assertThat(ProgressReporter.describe(ScanProgress.builder().task("SYN Stealth Scan").percent(12.5)
                .remaining(Duration.ofHours(2)).hosts(3, 4).build()))
                .isEqualTo("SYN Stealth Scan 12.5%, 2:00:00 left, 3 hosts done");
    }
}
