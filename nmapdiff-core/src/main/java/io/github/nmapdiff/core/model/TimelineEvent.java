package io.github.nmapdiff.core.model;

import java.time.Instant;

/**
 * One event of a host's timeline in the job's memory: what was found and when it happened (a
 * removal: the first scan that missed it; anything else: the scan that saw it). A value the
 * memory makes; it may gain components in a later version.
 *
 * @param when when it happened; never null
 * @param kind what happened; never null
 * @param port the port, as {@code 5432/tcp}; null for the host itself
 * @param service the service (or, for a script change, the script id); may be null
 * @param before what it was (a version, a name); may be null
 * @param after what it became; may be null
 */
public record TimelineEvent(Instant when, Finding.Kind kind, String port, String service, String before, String after) {
}
