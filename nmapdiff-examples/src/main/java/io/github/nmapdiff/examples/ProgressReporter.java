package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.spi.ScanListener;
import io.github.nmapdiff.core.spi.ScanProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows nmap's progress: a bar redrawn in place on a terminal, or, when the output goes to a
 * file or cron's mail, a log line at most every {@code interval}.
 */
final class ProgressReporter implements ScanListener {
    private static final Logger LOG = LoggerFactory.getLogger("nmapdiff");
    private static final int WIDTH = 30;

    private final PrintWriter terminal;
    private final Duration interval;
    private long lastLog;
    private boolean drawn;

    /**
     * @param terminal where to draw the bar; null when not on a terminal
     * @param interval the least time between two log lines when not on a terminal
     */
    ProgressReporter(PrintWriter terminal, Duration interval) {
        this.terminal = terminal;
        this.interval = interval;
    }

    @Override
    public synchronized void progress(ScanProgress p) {
        String line = describe(p);
        if (terminal != null) {
            double percent = Double.isNaN(p.percent()) ? 0 : p.percent();
            int filled = (int) Math.round(percent / 100 * WIDTH);
            terminal.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + line + "\u001b[K");
            terminal.flush();
            drawn = true;
            return;
        }
        long now = System.nanoTime();
        if (lastLog == 0 || now - lastLog >= interval.toNanos()) {
            LOG.info("scan progress: {}", line);
            lastLog = now;
        }
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    synchronized void finish() {
        if (terminal != null && drawn) {
            terminal.println();
            terminal.flush();
            drawn = false;
        }
    }

    static String describe(ScanProgress p) {
        StringBuilder s = new StringBuilder();
        s.append(p.task() == null ? "starting" : p.task());
        if (!Double.isNaN(p.percent())) {
            s.append(String.format(Locale.ROOT, " %.1f%%", p.percent()));
        }
        if (p.remaining() != null) {
            long secs = p.remaining().toSeconds();
            s.append(String.format(Locale.ROOT, ", %d:%02d:%02d left", secs / 3600, secs / 60 % 60, secs % 60));
        }
        s.append(", ").append(p.hostsCompleted()).append(p.hostsCompleted() == 1 ? " host" : " hosts").append(" done");
        return s.toString();
    }
}
