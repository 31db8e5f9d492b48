package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.Notifiers;
import java.util.ServiceLoader;

/**
 * Tells people or systems what a run found: the SPI of mail ({@code MailNotifier}), webhooks
 * and any plugin. Register one explicitly with the {@link Monitor}, or
 * make it a plugin: a {@link NotifierProvider} listed in
 * {@code META-INF/services/NotifierProvider}, which
 * {@link Notifiers#discover(NotifierConfig)} finds through
 * {@link ServiceLoader}.
 *
 * <p>Implementations must be thread-safe. This interface only grows by {@code default}
 * methods, so a plugin keeps working with later versions.
 */
public interface Notifier {

    /** Returns a short, unique, stable name, such as {@code mail} or {@code webhook}; never null. */
    String id();

    /**
     * Sends a notification. A notifier that keeps undelivered notifications (an outbox)
     * returns {@link Delivery#QUEUED} when it could not deliver now; one that cannot keep them
     * throws.
     *
     * @param notification what the run found, never null
     * @return what became of it, never null
     * @throws RuntimeException when it could not be delivered nor kept; the run goes on with the other notifiers
     */
    Delivery send(Notification notification);

    /**
     * Tries again to deliver what is waiting from earlier runs; called at the start of each run.
     * One notification that cannot be delivered must not hold back the others.
     *
     * @return how many waiting notifications were delivered now
     * @throws RuntimeException when some could not be delivered for good (set aside, say); the message says
     *         which and where they are; the run goes on and reports it
     */
    default int retryPending() {
        return 0;
    }

    /**
     * Returns how many notifications wait to be delivered (in an outbox, say), so that a run
     * can tell that something was not delivered even when it found nothing new.
     *
     * @return the count, at least 0; 0 by default
     */
    default int pending() {
        return 0;
    }
}
