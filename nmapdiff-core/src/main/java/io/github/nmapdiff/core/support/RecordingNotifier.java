package io.github.nmapdiff.core.support;

import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Notifier} that keeps what it is sent: for tests, or to handle notifications in the
 * program that runs the monitor. It can be told to fail. Thread-safe.
 */
public final class RecordingNotifier implements Notifier {
    private final String id;
    private final List<Notification> received = new ArrayList<>();
    private final Deque<RuntimeException> sendFailures = new ArrayDeque<>();
    private final Deque<RuntimeException> retryFailures = new ArrayDeque<>();

    private RecordingNotifier(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Returns a notifier that delivers everything.
     *
     * @param id its id, never null
     * @return the notifier, never null
     */
    public static RecordingNotifier named(String id) {
        return new RecordingNotifier(id);
    }

    /**
     * Makes the next {@link #send} throw (each call to this method, one send).
     *
     * @param failure what to throw, never null
     * @return this notifier
     */
    public synchronized RecordingNotifier failNextSend(RuntimeException failure) {
        sendFailures.add(Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /**
     * Makes the next {@link #retryPending()} throw.
     *
     * @param failure what to throw, never null
     * @return this notifier
     */
    public synchronized RecordingNotifier failNextRetry(RuntimeException failure) {
        retryFailures.add(Objects.requireNonNull(failure, "failure"));
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized Delivery send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        RuntimeException failure = sendFailures.poll();
        if (failure != null) {
            throw failure;
        }
        received.add(notification);
        return Delivery.DELIVERED;
    }

    @Override
    public synchronized int retryPending() {
        RuntimeException failure = retryFailures.poll();
        if (failure != null) {
            throw failure;
        }
        return 0;
    }

    /** Returns the notifications it delivered, oldest first. */
    public synchronized List<Notification> received() {
        return List.copyOf(received);
    }
}
