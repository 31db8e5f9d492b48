package io.github.nmapdiff.core.model;

import java.util.Objects;

/**
 * A port that OS detection relied on.
 *
 * @param state the port's state; never null
 * @param protocol the port's protocol; never null
 * @param number the port number, 0 to 65535
 */
public record PortUsed(PortState state, Protocol protocol, int number) {

    /** Validates the fields. */
    public PortUsed {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(protocol, "protocol");
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("port number " + number + " is outside 0..65535");
        }
    }
}
