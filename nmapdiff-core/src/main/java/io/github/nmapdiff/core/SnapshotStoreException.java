package io.github.nmapdiff.core;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot store cannot do what was asked: save (a full disk, no permission), read, or
 * find a snapshot. The message names the store and the snapshot, and says what to do.
 */
public final class SnapshotStoreException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do, never null
     * @param cause the underlying failure, may be null
     */
    public SnapshotStoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
