package io.github.nmapdiff.core;

/** Another run holds the snapshot store, and did not let go within the time a run waits. */
public final class StoreLockedException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which store, who holds it if known, how long this run waited, and what to do; never null
     */
    public StoreLockedException(String message) {
        super(message);
    }
}
