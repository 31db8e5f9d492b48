package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A host the memory knows: one that has answered. A value the memory makes; it may gain
 * components in a later version.
 *
 * @param address its key: its first address (IPv4, IPv6, MAC), or its name when it has none; never null
 * @param name its name, as last reported; may be null
 * @param firstSeen when it first answered; never null
 * @param lastSeen when it last answered; never null
 * @param answering whether it answers now, as last reported (false once confirmed gone)
 * @param ports the ports that have been open on it, by port; never null
 * @param events its timeline, oldest first; never null
 * @param noise what was held back of it, by reason; never null
 */
public record KnownHost(String address, String name, Instant firstSeen, Instant lastSeen, boolean answering, List<KnownPort> ports,
        List<TimelineEvent> events, Map<HeldBack.Reason, Integer> noise) {

    /** Copies the collections. */
    public KnownHost {
        ports = List.copyOf(ports);
        events = List.copyOf(events);
        noise = Map.copyOf(noise);
    }

    /** Returns the ports open now. */
    public List<KnownPort> openPorts() {
        return answering ? ports.stream().filter(KnownPort::open).toList() : List.of();
    }

    /** Returns how people know it: {@code db3.example.com (192.0.2.201)}, or the address alone. */
    public String where() {
        return HostIdentity.where(name, address);
    }
}
