package io.github.nmapdiff.core.model;

import org.jspecify.annotations.Nullable;

/**
 * One hop of a {@link Trace}.
 *
 * @param ttl the hop's distance
 * @param rtt the round-trip time in milliseconds, as nmap wrote it; may be null
 * @param ipAddress the hop's address; may be null
 * @param host the hop's host name; may be null
 */
public record Hop(int ttl, @Nullable String rtt, @Nullable String ipAddress, @Nullable String host) {
}
