package io.github.nmapdiff.core.model;

import org.jspecify.annotations.Nullable;

/**
 * One name of a host.
 *
 * @param name the name; may be null where nmap wrote an empty hostname element
 * @param type where the name came from; may be null
 */
public record HostName(@Nullable String name, @Nullable HostNameType type) {
}
