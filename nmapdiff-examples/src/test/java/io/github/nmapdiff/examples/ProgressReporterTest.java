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

        reporter.progress(new ScanProgress("Service scan", 50.0, Duration.ofSeconds(75), Duration.ofSeconds(10), 1, 2));
        reporter.progress(new ScanProgress("Service scan", 100.0, null, Duration.ofSeconds(20), 2, 2));
        reporter.finish();

        assertThat(screen.toString())
                .startsWith("\r[" + "#".repeat(15) + "-".repeat(15) + "] Service scan 50.0%, 0:01:15 left, 1 host done\u001b[K")
                .contains("\r[" + "#".repeat(30) + "] Service scan 100.0%, 2 hosts done\u001b[K")
                .endsWith(System.lineSeparator());
    }

    @Test
    void progressIsDescribedForLogLines() {
        assertThat(ProgressReporter.describe(new ScanProgress(null, Double.NaN, null, null, 0, 0))).isEqualTo("starting, 0 hosts done");
        assertThat(ProgressReporter.describe(new ScanProgress("SYN Stealth Scan", 12.5, Duration.ofHours(2), null, 3, 4)))
                .isEqualTo("SYN Stealth Scan 12.5%, 2:00:00 left, 3 hosts done");
    }
}
