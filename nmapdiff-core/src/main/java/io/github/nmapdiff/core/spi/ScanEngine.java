package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.NmapDiffException;
import java.util.List;

/**
 * Something that scans targets and gives an nmap scan back: the SPI behind which
 * {@code nmapdiff-nmap}'s {@code NmapScanner} runs nmap. Implementations must be thread-safe:
 * one engine may run several scans at once.
 *
 * <p>This interface only grows by {@code default} methods, so an implementation keeps
 * compiling against later versions.
 */
public interface ScanEngine {

    /** Returns a short, unique, stable name of the engine, such as {@code nmap}; never null. */
    String id();

    /**
     * Returns the arguments that decide what this engine's scans cover (nmap's scan options,
     * say, without those that only change how it runs): with the targets, they are a
     * snapshot's scope. When they change, the monitor starts a new baseline instead of
     * reporting every difference as a change.
     *
     * @return the arguments, never null; empty by default
     */
    default List<String> scope() {
        return List.of();
    }

    /**
     * Starts a scan and returns at once.
     *
     * @param request what to scan, never null
     * @return the running scan, never null
     * @throws NmapDiffException when the scan cannot start; the subclass says why
     */
    ScanRun start(ScanRequest request);

    /**
     * Scans and waits for the result. An interrupt of the calling thread stops the scan
     * gracefully; the hosts completed by then come back as an incomplete scan, and the
     * thread's interrupt flag is set again.
     *
     * @param request what to scan, never null
     * @return the result, never null
     * @throws NmapDiffException when the scan fails; the subclass says why
     */
    default ScanResult scan(ScanRequest request) {
        return start(request).await();
    }

    /**
     * Finds the scans of earlier runs that were killed before they could keep them (the JVM
     * was killed while the engine ran), stops whatever of them is still running, and hands
     * back what they had found, to be kept as incomplete snapshots. The monitor calls it
     * under the store's lock, before it scans, so no run of the same store is under way.
     *
     * @return the recovered scans, oldest first; never null; empty by default
     */
    default List<RecoveredScan> recover() {
        return List.of();
    }
}
