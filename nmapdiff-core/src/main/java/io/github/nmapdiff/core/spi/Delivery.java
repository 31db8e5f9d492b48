package io.github.nmapdiff.core.spi;

/** What a notifier did with a notification. */
public enum Delivery {
    /** It reached its destination. */
    DELIVERED,
    /** It could not be delivered now and is kept, to be sent on a later run (a mail outbox, say). */
    QUEUED,
    /** The notifier chose not to send it (nothing it reports on). */
    SKIPPED
}
