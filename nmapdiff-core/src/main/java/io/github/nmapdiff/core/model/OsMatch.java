package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One OS guess.
 *
 * @param name the OS, such as {@code Linux 2.6.9 - 2.6.24}; never null
 * @param accuracy how sure nmap is, in percent
 * @param line the line of nmap's fingerprint database that matched; may be null
 * @param classes the OS classes of the guess, with their CPEs; never null
 */
public record OsMatch(String name, int accuracy, @Nullable Integer line, List<OsClass> classes) {

    /** Validates the fields and copies the list. */
    public OsMatch {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
    }
}
