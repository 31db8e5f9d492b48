package io.github.nmapdiff.core;

import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.NotifierProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds notifier plugins with {@link ServiceLoader}. One broken plugin (a class that cannot
 * load, a provider that throws) does not stop the others: it is left out and named in
 * {@link Found#problems()}. Explicit registration ({@link Monitor.Builder#notifier}) needs
 * none of this; discovery is a convenience.
 */
public final class Notifiers {
    /** Where to read about writing and registering a plugin. */
    public static final String HELP = "see 'Writing a notifier plugin' in nmapdiff's README";

    private Notifiers() {
    }

    /**
     * What discovery found.
     *
     * @param notifiers the notifiers the settings asked for; never null
     * @param problems one line per plugin that failed to load or to start; never null
     */
    public record Found(List<Notifier> notifiers, List<String> problems) {
        /** Copies the lists. */
        public Found {
            notifiers = List.copyOf(notifiers);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Finds the plugins on the class path and makes the notifiers the settings ask for.
     *
     * @param config the settings, never null
     * @return the notifiers and the problems, never null
     */
    public static Found discover(NotifierConfig config) {
        return discover(config, Thread.currentThread().getContextClassLoader());
    }

    /**
     * Finds the plugins a class loader sees.
     *
     * @param config the settings, never null
     * @param loader where to look, never null
     * @return the notifiers and the problems, never null
     */
    public static Found discover(NotifierConfig config, ClassLoader loader) {
        Objects.requireNonNull(config, "config");
        List<Notifier> notifiers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<NotifierProvider> providers = ServiceLoader.load(NotifierProvider.class, loader).iterator();
        while (true) {
            NotifierProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                problems.add("a notifier plugin cannot be loaded and is left out: " + e.getMessage() + " (" + HELP + ")");
                continue;
            }
            try {
                provider.create(config).ifPresent(notifiers::add);
            } catch (RuntimeException | LinkageError e) {
                problems.add("notifier plugin '" + safeId(provider) + "' is left out: " + e.getMessage());
            }
        }
        return new Found(notifiers, problems);
    }

    private static String safeId(NotifierProvider provider) {
        try {
            return provider.id();
        } catch (RuntimeException e) {
            return provider.getClass().getName();
        }
    }
}
