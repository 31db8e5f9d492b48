package io.github.nmapdiff.core.model;

import org.jspecify.annotations.Nullable;

/**
 * nmap's guess of how long a host has been up.
 *
 * @param seconds the uptime in seconds
 * @param lastBoot nmap's human form of the boot time; may be null
 */
public record Uptime(long seconds, @Nullable String lastBoot) {
}
