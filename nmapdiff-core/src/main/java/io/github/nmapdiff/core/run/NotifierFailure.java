package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.NotificationRefusedException;
import java.util.Objects;

/**
 * Why a notifier failed: which notifier, the kind of failure and its message, so that a
 * program can tell a refusal for good from a server that was down without parsing text.
 *
 * @param notifier the notifier's id; never null
 * @param type the class name of the exception it threw, such as
 *        {@code NotificationRefusedException}; never null
 * @param message what went wrong, for people; never null (the exception's class name when it had no message)
 * @param refused whether the destination refused the notification for good, so that it is not given again
 */
public record NotifierFailure(String notifier, String type, String message, boolean refused) {

    /** Validates the fields. */
    public NotifierFailure {
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Returns the failure a notifier's exception tells.
     *
     * @param notifier the notifier's id, never null
     * @param e what it threw, never null
     * @return the failure, never null
     */
    public static NotifierFailure of(String notifier, RuntimeException e) {
        return new NotifierFailure(notifier, e.getClass().getName(), e.getMessage() != null ? e.getMessage() : e.getClass().getName(),
                e instanceof NotificationRefusedException);
    }
}
