package io.github.nmapdiff.core.spi;

/**
 * Hears how a scan is going. Methods are called from the engine's own threads, one call at a
 * time per scan; they should return quickly and must not throw (an exception is logged by
 * the engine and ignored). Every method is a {@code default} that does nothing.
 */
public interface ScanListener {
    /** A listener that hears nothing. */
    ScanListener NONE = new ScanListener() {
    };

    /**
     * The scan reports its progress.
     *
     * @param progress where the scan stands, never null
     */
    default void progress(ScanProgress progress) {
    }

    /**
     * The engine printed a line of its normal output (nmap's stdout).
     *
     * @param line the line without its line break, never null
     */
    default void output(String line) {
    }
}
