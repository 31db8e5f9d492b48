package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One port of a host, with its state, the service on it and the results of port scripts.
 *
 * @param protocol the port's protocol; never null
 * @param number the port number, 0 to 65535 (an IP protocol number for {@link Protocol#IP})
 * @param state the port's state; never null
 * @param reason why nmap decided the state, such as {@code syn-ack}; may be null
 * @param reasonTtl the TTL of the reply that decided it; may be null
 * @param reasonIp the address the deciding reply came from, when not the host's; may be null
 * @param owner the user owning the service ({@code ident}); may be null
 * @param service what runs on the port; may be null
 * @param scripts results of port scripts; never null
 */
public record Port(
        Protocol protocol,
        int number,
        PortState state,
        @Nullable String reason,
        @Nullable Integer reasonTtl,
        @Nullable String reasonIp,
        @Nullable String owner,
        @Nullable Service service,
        List<ScriptResult> scripts) {

    /** Validates the fields and copies the list. */
    public Port {
        Objects.requireNonNull(protocol, "protocol");
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("port number " + number + " is outside 0..65535");
        }
        Objects.requireNonNull(state, "state");
        scripts = List.copyOf(Objects.requireNonNull(scripts, "scripts"));
    }

    /** Returns the service on this port, or empty when nmap named none. */
    public Optional<Service> serviceIfAny() {
        return Optional.ofNullable(service);
    }
}
