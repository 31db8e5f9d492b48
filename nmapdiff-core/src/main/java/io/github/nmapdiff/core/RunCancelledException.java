package io.github.nmapdiff.core;

/** A run was stopped (by a signal, say) before it scanned anything; nothing was kept or compared. */
public class RunCancelledException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was stopped, never null
     */
    public RunCancelledException(String message) {
        super(message);
    }
}
