package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A host the job's memory knows: one that has answered. A value the memory makes; it may gain
 * components in a later version.
 *
 * @param identity who it is; never null
 * @param firstSeen when it first answered; never null
 * @param lastSeen when it last answered; never null
 * @param answering whether it answers now, as last reported (false once confirmed gone)
 * @param watched whether the scans still cover it (false when its targets were taken out)
 * @param ports the ports that have been open on it, by port; never null
 * @param noise what was held back of it, by reason; never null
 */
public record KnownHost(HostIdentity identity, Instant firstSeen, Instant lastSeen, boolean answering, boolean watched,
        List<KnownPort> ports, Map<HeldBack.Reason, Integer> noise) {

    /** Validates the fields and copies the collections. */
    public KnownHost {
        Objects.requireNonNull(identity, "identity");
        ports = List.copyOf(ports);
        noise = Map.copyOf(noise);
    }

    /** Returns its key in the memory: its first address, or its name when it has none; never null. */
    public String address() {
        return identity.key();
    }

    /** Returns its name, as last reported; may be null. */
    public @Nullable String name() {
        return identity.name();
    }

    /** Returns the ports open now, on a host that answers and is watched. */
    public List<KnownPort> openPorts() {
        return answering && watched ? ports.stream().filter(KnownPort::open).toList() : List.of();
    }

    /** Returns how people know it: {@code db3.example.com (192.0.2.201)}, or the address alone. */
    public String where() {
        return identity.where();
    }
}
