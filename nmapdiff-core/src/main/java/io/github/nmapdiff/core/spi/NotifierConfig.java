package io.github.nmapdiff.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Where a notifier plugin finds its settings: one {@link #get(String)} of text by key, with
 * typed {@code default} getters on top, so that {@code Properties::getProperty},
 * {@code Map::get} or {@code System::getenv} all serve. Keys are dotted, prefixed by the
 * plugin's id: {@code webhook.url}, {@code mail.smtp.host}.
 */
@FunctionalInterface
public interface NotifierConfig {

    /**
     * Returns the value of a key.
     *
     * @param key the key, never null
     * @return the value, or null when the key is not set
     */
    @Nullable String get(String key);

    /** Returns a non-blank value of a key, trimmed. */
    default Optional<String> string(String key) {
        String value = get(Objects.requireNonNull(key, "key"));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Returns a whole number.
     *
     * @throws IllegalArgumentException naming the key when the value is not a whole number
     */
    default Optional<Integer> integer(String key) {
        return string(key).map(v -> {
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'", e);
            }
        });
    }

    /** Returns settings read from properties. */
    static NotifierConfig of(Properties properties) {
        return properties::getProperty;
    }

    /** Returns settings read from a map. */
    static NotifierConfig of(Map<String, String> map) {
        return map::get;
    }
}
