package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.run.Notifiers;
import java.util.Optional;

/**
 * Makes a {@link Notifier} from settings: what a notifier plugin lists in
 * {@code META-INF/services/NotifierProvider} (and in
 * {@code module-info} with {@code provides}) so that
 * {@link Notifiers#discover(NotifierConfig)} finds it.
 *
 * <p>Implementations need a public no-argument constructor. This interface only grows by
 * {@code default} methods.
 */
public interface NotifierProvider {

    /** Returns the id of the notifiers it makes, which is also the prefix of its settings; never null. */
    String id();

    /**
     * Makes a notifier when the settings ask for one.
     *
     * @param config the settings, never null
     * @return the notifier, or empty when the settings do not mention this plugin
     * @throws IllegalArgumentException when the settings mention it but are wrong; the message says which and why
     */
    Optional<Notifier> create(NotifierConfig config);
}
