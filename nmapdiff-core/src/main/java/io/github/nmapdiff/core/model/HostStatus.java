package io.github.nmapdiff.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether a host is up, and the reason nmap gives.
 *
 * @param state the host's state; never null
 * @param reason why nmap decided so, such as {@code echo-reply} or {@code user-set}; may be null
 * @param reasonTtl the TTL of the reply that decided it; may be null
 */
public record HostStatus(HostState state, @Nullable String reason, @Nullable Integer reasonTtl) {

    /** Validates the fields. */
    public HostStatus {
        Objects.requireNonNull(state, "state");
    }
}
