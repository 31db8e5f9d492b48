package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.NotifierProvider;
import java.util.Optional;

/** A plugin for the tests that keeps every notification for later, as a chat plugin whose service is down would. */
public final class QueueingNotifierProvider implements NotifierProvider {
    @Override
    public String id() {
        return "queueing";
    }

    @Override
    public Optional<Notifier> create(NotifierConfig config) {
        return config.string("queueing.enabled").map(on -> new Notifier() {
            @Override
            public String id() {
                return "queueing";
            }

            @Override
            public Delivery send(Notification notification) {
                return Delivery.QUEUED;
            }
        });
    }
}
