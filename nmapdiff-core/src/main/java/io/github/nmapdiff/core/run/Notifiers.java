package io.github.nmapdiff.core.run;

import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.NotifierProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

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
        for (NotifierProvider provider : providers(loader, problems)) {
            try {
                provider.create(config).ifPresent(notifiers::add);
            } catch (RuntimeException | LinkageError e) {
                problems.add("notifier plugin '" + safeId(provider) + "' is left out: " + e.getMessage());
            }
        }
        return new Found(notifiers, problems);
    }

    /**
     * Returns the ids of the notifier plugins a class loader sees, which are also the prefixes
     * of their settings ({@code webhook} for {@code webhook.url}); plugins that cannot load are
     * left out (discovery reports them).
     *
     * @param loader where to look, never null
     * @return the ids, never null
     */
    public static Set<String> pluginIds(ClassLoader loader) {
        Set<String> ids = new LinkedHashSet<>();
        for (NotifierProvider provider : providers(loader, new ArrayList<>())) {
            try {
                ids.add(provider.id());
            } catch (RuntimeException | LinkageError e) {
                // reported when the notifiers are made
            }
        }
        return ids;
    }

    /** The providers that load; one that does not is named in {@code problems} and left out. */
    private static List<NotifierProvider> providers(ClassLoader loader, List<String> problems) {
        List<NotifierProvider> providers = new ArrayList<>();
        Iterator<NotifierProvider> found = ServiceLoader.load(NotifierProvider.class, loader).iterator();
        while (true) {
            try {
                if (!found.hasNext()) {
                    return providers;
                }
                providers.add(found.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add("a notifier plugin cannot be loaded and is left out: " + e.getMessage() + " (" + HELP + ")");
            }
        }
    }

    private static String safeId(NotifierProvider provider) {
        try {
            return provider.id();
        } catch (RuntimeException e) {
            return provider.getClass().getName();
        }
    }
}
