package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OS class: vendor, family, generation and device type.
 *
 * @param vendor the vendor, such as {@code Linux}; never null
 * @param osGeneration the generation, such as {@code 2.6.X}; may be null
 * @param type the device type, such as {@code general purpose}; may be null
 * @param accuracy how sure nmap is, in percent
 * @param osFamily the family, such as {@code Linux}; never null
 * @param cpes the class's CPE names; never null
 */
public record OsClass(String vendor, @Nullable String osGeneration, @Nullable String type, int accuracy, String osFamily, List<String> cpes) {

    /** Validates the fields and copies the list. */
    public OsClass {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(osFamily, "osFamily");
        cpes = List.copyOf(Objects.requireNonNull(cpes, "cpes"));
    }
}
