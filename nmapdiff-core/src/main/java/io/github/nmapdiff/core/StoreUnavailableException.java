package io.github.nmapdiff.core;

import org.jspecify.annotations.Nullable;

/**
 * A store cannot be reached: its database is down or refuses the login, the network to it is
 * gone. Unlike a {@link SnapshotStoreException}, nothing is wrong with what was asked, and the
 * same request succeeds once the store is back; a caller that keeps the run's work elsewhere
 * (a local folder) can hand it over then.
 */
public final class StoreUnavailableException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which store, and why it cannot be reached; never null
     * @param cause the underlying failure, may be null
     */
    public StoreUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
