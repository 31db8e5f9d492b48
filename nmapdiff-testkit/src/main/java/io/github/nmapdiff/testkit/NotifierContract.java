package io.github.nmapdiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifier} must do. Subclass it in the notifier's tests, return a new
 * notifier that delivers to somewhere the test can see from {@link #newNotifier()}, and say
 * how many notifications arrived there in {@link #delivered()}. It runs on JUnit 5.
 *
 * <pre>{@code
 * class MyNotifierContractTest extends NotifierContract {
 *     MyServer server = MyServer.start();
 *     protected Notifier newNotifier() { return new MyNotifier(server.url()); }
 *     protected int delivered() { return server.received().size(); }
 * }
 * }</pre>
 */
public abstract class NotifierContract {

    /** Creates the contract. */
    protected NotifierContract() {
    }

    /**
     * Returns a new notifier whose deliveries the test can count with {@link #delivered()}.
     *
     * @return the notifier, never null
     */
    protected abstract Notifier newNotifier();

    /**
     * Returns how many notifications arrived where the notifiers of {@link #newNotifier()}
     * deliver, since the test began.
     *
     * @return the count
     */
    protected abstract int delivered();

    @Test
    void itsIdIsShortStableAndUsableAsASettingsPrefix() {
        Notifier notifier = newNotifier();

        assertThat(notifier.id()).isNotBlank().matches("[a-z0-9][a-z0-9-]*").isEqualTo(newNotifier().id());
    }

    @Test
    void everyKindOfNotificationIsTakenAndDeliveredOrQueued() {
        Notifier notifier = newNotifier();
        int before = delivered();
        int deliveredNow = 0;
        for (Notification notification : TestNotifications.all()) {
            Delivery delivery = notifier.send(notification);
            assertThat(delivery).as("what became of a %s notification", notification.kind()).isNotNull();
            if (delivery == Delivery.DELIVERED) {
                deliveredNow++;
            }
        }

        assertThat(delivered() - before).as("notifications that arrived").isEqualTo(deliveredNow);
    }

    @Test
    void aNotificationWithFindingsIsDeliveredOrKeptNeverSkipped() {
        Notifier notifier = newNotifier();
        int before = delivered();
        Notification found = TestNotifications.changes();
        assertThat(found.findings()).as("the sample has findings").isNotEmpty();

        Delivery delivery = notifier.send(found);

        assertThat(delivery).as("what became of a notification with findings: a notifier that skips them tells nobody")
                .isIn(Delivery.DELIVERED, Delivery.QUEUED);
        if (delivery == Delivery.DELIVERED) {
            assertThat(delivered() - before).as("it arrived where the notifier delivers").isEqualTo(1);
        } else {
            assertThat(notifier.pending()).as("a queued notification waits to be delivered").isPositive();
        }
    }

    @Test
    void withNothingWaitingARetryDeliversNothingAndNothingIsPending() {
        Notifier notifier = newNotifier();

        assertThatCode(notifier::retryPending).doesNotThrowAnyException();
        assertThat(notifier.retryPending()).isZero();
        assertThat(notifier.pending()).isZero();
    }

    @Test
    void severalRunsMayNotifyAtOnce() throws Exception {
        Notifier notifier = newNotifier();
        int before = delivered();
        List<CompletableFuture<Delivery>> sends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sends.add(CompletableFuture.supplyAsync(() -> notifier.send(TestNotifications.changes())));
        }
        int deliveredNow = 0;
        for (CompletableFuture<Delivery> send : sends) {
            if (send.get(60, TimeUnit.SECONDS) == Delivery.DELIVERED) {
                deliveredNow++;
            }
        }

        assertThat(delivered() - before).isEqualTo(deliveredNow);
    }
}
