package io.github.nmapdiff.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A port the job's memory knows: one that has been open on a host. A value the memory makes; it
 * may gain components in a later version.
 *
 * @param port the port, as {@code 5432/tcp}; never null
 * @param open whether it is open now, as last reported
 * @param watched whether the scans still probe it
 * @param firstSeen when it was first seen open; never null
 * @param lastSeen when it was last seen open; never null
 * @param service nmap's name of the service; may be null
 * @param version the product and version; may be null
 * @param severity how serious its exposure is, from the built-in table (the team's rules may say otherwise)
 */
public record KnownPort(String port, boolean open, boolean watched, Instant firstSeen, Instant lastSeen, @Nullable String service,
        @Nullable String version, Severity severity) {
}
