package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notifiers of a monitor and what becomes of what they are told: each is given the
 * notification, one that fails does not stop the others, and what failed (but was not refused
 * for good) is named to be given again. Immutable.
 */
final class Telling {
    private final List<Notifier> notifiers;

    Telling(List<Notifier> notifiers) {
        this.notifiers = List.copyOf(notifiers);
    }

    /**
     * What the notifiers did with a notification.
     *
     * @param deliveries what each (by id) did with it
     * @param failures why each failed, by notifier id
     * @param toRetry the notifiers to give it again on the next run: failed, but not refused for good
     */
    record Told(Map<String, Delivery> deliveries, Map<String, NotifierFailure> failures, List<String> toRetry) {
        static final Told NOTHING = new Told(Map.of(), Map.of(), List.of());
    }

    List<Notifier> all() {
        return notifiers;
    }

    List<String> ids() {
        return notifiers.stream().map(Notifier::id).toList();
    }

    /** The configured notifiers among these ids. */
    List<Notifier> named(List<String> ids) {
        return notifiers.stream().filter(n -> ids.contains(n.id())).toList();
    }

    /** The ids among these that no configured notifier has. */
    List<String> unknown(List<String> ids) {
        return ids.stream().filter(id -> notifiers.stream().noneMatch(n -> n.id().equals(id))).toList();
    }

    /** Gives a notification to notifiers. */
    Told tell(Notification notification, List<Notifier> toTell) {
        Map<String, Delivery> deliveries = new LinkedHashMap<>();
        Map<String, NotifierFailure> failures = new LinkedHashMap<>();
        List<String> toRetry = new ArrayList<>();
        for (Notifier notifier : toTell) {
            try {
                deliveries.put(notifier.id(), Objects.requireNonNull(notifier.send(notification), "delivery"));
            } catch (RuntimeException e) {
                NotifierFailure failure = NotifierFailure.of(notifier.id(), e);
                failures.put(notifier.id(), failure);
                if (!failure.refused()) {
                    toRetry.add(notifier.id());
                }
            }
        }
        return new Told(deliveries, failures, toRetry);
    }

    /** Gives every notifier the chance to deliver what waits from earlier runs; says which failed. */
    Map<String, NotifierFailure> retryPending() {
        Map<String, NotifierFailure> failures = new LinkedHashMap<>();
        for (Notifier notifier : notifiers) {
            try {
                notifier.retryPending();
            } catch (RuntimeException e) {
                failures.put(notifier.id(), NotifierFailure.of(notifier.id(), e));
            }
        }
        return failures;
    }

    /** How many notifications wait to be delivered, by notifier id (only those with some). */
    Map<String, Integer> pending() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        for (Notifier notifier : notifiers) {
            int waiting = notifier.pending();
            if (waiting > 0) {
                pending.put(notifier.id(), waiting);
            }
        }
        return pending;
    }
}
