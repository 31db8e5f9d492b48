package io.github.nmapdiff.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many of an {@link ExtraPorts} group's ports are in their state for one reason.
 *
 * @param reason the reason, such as {@code no-responses} or {@code conn-refused}; never null
 * @param count how many ports
 * @param protocol the ports' protocol, which nmap 7.9x writes; may be null
 * @param ports the ports, in nmap's range syntax, which nmap 7.9x writes; may be null
 */
public record ExtraReasons(String reason, int count, @Nullable Protocol protocol, @Nullable String ports) {

    /** Validates the fields. */
    public ExtraReasons {
        Objects.requireNonNull(reason, "reason");
    }
}
