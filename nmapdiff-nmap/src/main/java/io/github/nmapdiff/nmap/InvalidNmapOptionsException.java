package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.NmapDiffException;

/** nmap arguments that would break the runner, such as a second XML output ({@code -oX}). */
public final class InvalidNmapOptionsException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which argument and why, never null
     */
    public InvalidNmapOptionsException(String message) {
        super(message);
    }
}
