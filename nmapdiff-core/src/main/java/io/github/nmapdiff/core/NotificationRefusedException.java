package io.github.nmapdiff.core;

import org.jspecify.annotations.Nullable;

/**
 * A notifier's destination refused a notification for good (a mail server's 5xx, say): trying
 * again would not help. The notifier kept it where the message says, and the run does not give
 * it again; it reports the failure.
 */
public class NotificationRefusedException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, why, and where it is kept; never null
     * @param cause the refusal; may be null
     */
    public NotificationRefusedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
