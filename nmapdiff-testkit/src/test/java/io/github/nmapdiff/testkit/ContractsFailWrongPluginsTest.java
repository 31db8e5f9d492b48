package io.github.nmapdiff.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.support.InMemoryMemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The kits fail a plugin that is wrong: run on JUnit's own engine, the notifier contract fails a
 * notifier that never delivers (it answers "skipped" to everything), and the memory contract
 * fails a store that drops what it does not know.
 */
class ContractsFailWrongPluginsTest {

    /** Skips everything: a notifier that tells nobody anything. */
    static final class Skipping implements Notifier {
        @Override
        public String id() {
            return "skipping";
        }

        @Override
        public Delivery send(Notification n) {
            return Delivery.SKIPPED;
        }
    }

    /** The notifier contract, as a third party would run it, on a notifier that never delivers. */
    static final class SkippingNotifierUnderContract extends NotifierContract {
        @Override
        protected Notifier newNotifier() {
            return new Skipping();
        }

        @Override
        protected int delivered() {
            return 0;
        }
    }

    /** Keeps everything but the memory's own values of each host: as a store that maps only the columns it knows. */
    static final class ForgetfulMemoryUnderContract extends MemoryStoreContract {
        @Override
        protected MemoryStore newMemoryStore() {
            return forgetful(InMemoryMemoryStore.create());
        }
    }

    static MemoryStore forgetful(InMemoryMemoryStore kept) {
        return (MemoryStore) java.lang.reflect.Proxy.newProxyInstance(MemoryStore.class.getClassLoader(), new Class<?>[] {MemoryStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        MemoryUpdate u = (MemoryUpdate) args[0];
                        args = new Object[] {MemoryUpdate.of(u.head(), u.hosts().stream()
                                .map(h -> h.toBuilder().attributes(java.util.Map.of()).build()).toList(), u.removed(), u.events(),
                                u.night(), u.recorded())};
                    }
                    try {
                        return method.invoke(kept, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aNotifierThatNeverDeliversFailsTheNotifierContract() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SkippingNotifierUnderContract.class)).execute().testEvents()
                .assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void aMemoryStoreThatDropsAFieldFailsTheMemoryContract() {
        long failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetfulMemoryUnderContract.class)).execute()
                .testEvents().failed().count();
        org.assertj.core.api.Assertions.assertThat(failed).as("tests of the contract that fail").isGreaterThanOrEqualTo(2);
    }
}
