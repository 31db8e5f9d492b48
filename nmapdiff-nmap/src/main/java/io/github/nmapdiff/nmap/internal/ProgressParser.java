package io.github.nmapdiff.nmap.internal;

import io.github.nmapdiff.core.spi.ScanProgress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads nmap's {@code --stats-every} lines from its normal output:
 * <pre>
 * Stats: 0:00:06 elapsed; 0 hosts completed (2 up), 2 undergoing Service Scan
 * Service scan Timing: About 42.50% done; ETC: 17:03 (0:00:45 remaining)
 * </pre>
 * Not thread-safe: one per scan, fed from the thread that reads nmap's output.
 */
public final class ProgressParser {
    private static final Pattern STATS = Pattern.compile(
            "^Stats: (\\d+):(\\d\\d):(\\d\\d) elapsed; (\\d+) hosts? completed \\((\\d+) up\\), \\d+ undergoing (.+)$");
    private static final Pattern TIMING = Pattern.compile(
            "^(.+?) Timing: About ([0-9.]+)% done(?:; ETC: [0-9:]+ \\((\\d+):(\\d\\d):(\\d\\d) remaining\\))?");

    private @Nullable String task;
    private double percent = Double.NaN;
    private @Nullable Duration remaining;
    private @Nullable Duration elapsed;
    private int hostsCompleted;
    private int hostsUp;

    /**
     * Takes one line of nmap's output.
     *
     * @param line the line, never null
     * @return the progress when the line reported some, else null
     */
    public @Nullable ScanProgress accept(String line) {
        Matcher stats = STATS.matcher(line);
        if (stats.find()) {
            elapsed = duration(stats.group(1), stats.group(2), stats.group(3));
            hostsCompleted = Integer.parseInt(stats.group(4));
            hostsUp = Integer.parseInt(stats.group(5));
            String phase = stats.group(6).strip();
            if (!phase.equalsIgnoreCase(task)) {
                task = phase;
                percent = Double.NaN;
                remaining = null;
            }
            return current();
        }
        Matcher timing = TIMING.matcher(line);
        if (timing.find()) {
            task = timing.group(1).strip();
            percent = Double.parseDouble(timing.group(2));
            remaining = timing.group(3) == null ? null : duration(timing.group(3), timing.group(4), timing.group(5));
            return current();
        }
        return null;
    }

    private ScanProgress current() {
        return ScanProgress.builder().task(task).percent(percent).remaining(remaining).elapsed(elapsed)
                .hosts(hostsCompleted, hostsUp).build();
    }

    private static Duration duration(String h, String m, String s) {
        return Duration.ofHours(Long.parseLong(h)).plusMinutes(Long.parseLong(m)).plusSeconds(Long.parseLong(s));
    }
}
