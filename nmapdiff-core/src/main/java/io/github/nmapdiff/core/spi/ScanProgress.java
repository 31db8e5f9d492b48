package io.github.nmapdiff.core.spi;

import java.time.Duration;

/**
 * Where a scan stands, as nmap reports it with {@code --stats-every}.
 *
 * @param task the phase, such as {@code SYN Stealth Scan} or {@code Service scan}; may be null before the first report
 * @param percent how much of the phase is done, 0 to 100; NaN when not known
 * @param remaining nmap's estimate of the time left in the phase; null when not known
 * @param elapsed the time since the scan started; may be null
 * @param hostsCompleted how many hosts are completely scanned
 * @param hostsUp how many hosts are up so far
 */
public record ScanProgress(String task, double percent, Duration remaining, Duration elapsed, int hostsCompleted, int hostsUp) {
}
