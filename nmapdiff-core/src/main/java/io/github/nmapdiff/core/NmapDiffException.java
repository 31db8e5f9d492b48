package io.github.nmapdiff.core;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception that nmapdiff throws on purpose.
 *
 * <p>Each failure has its own subclass that carries what a user needs to act on it; the
 * message of every subclass says what went wrong and, where there is one, what to do.
 */
public class NmapDiffException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for the user.
     *
     * @param message what went wrong and what to do, never null
     */
    public NmapDiffException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for the user and the failure that caused it.
     *
     * @param message what went wrong and what to do, never null
     * @param cause the underlying failure, may be null
     */
    public NmapDiffException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
