package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The route to a host ({@code --traceroute}).
 *
 * @param protocol the protocol of the probes; may be null
 * @param port the port of the probes; may be null
 * @param hops the hops, nearest first; never null
 */
public record Trace(@Nullable String protocol, @Nullable Integer port, List<Hop> hops) {

    /** Validates the fields and copies the list. */
    public Trace {
        hops = List.copyOf(Objects.requireNonNull(hops, "hops"));
    }
}
