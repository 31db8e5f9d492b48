package io.github.nmapdiff.core.model;

import java.time.Instant;

/**
 * A port the memory knows: one that has been open on a host. A value the memory makes; it may
 * gain components in a later version.
 *
 * @param port the port, as {@code 5432/tcp}; never null
 * @param open whether it is open now, as last reported
 * @param firstSeen when it was first seen open; never null
 * @param lastSeen when it was last seen open; never null
 * @param service nmap's name of the service; may be null
 * @param version the product and version; may be null
 * @param severity how serious its exposure is, from the built-in table
 */
public record KnownPort(String port, boolean open, Instant firstSeen, Instant lastSeen, String service, String version,
        Severity severity) {
}
