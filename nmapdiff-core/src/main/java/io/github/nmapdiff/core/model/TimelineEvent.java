package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a host's timeline in the job's memory: what was found and when it happened (a
 * removal: the first scan that missed it; anything else: the scan that saw it). Immutable; the
 * memory makes them from its findings ({@link #of(Finding, Instant)}), a store that keeps them
 * reads them back with {@link #of(Instant, Finding.Kind, String, String, String, String)}.
 */
public final class TimelineEvent {
    private final Instant when;
    private final Finding.Kind kind;
    private final @Nullable String port;
    private final @Nullable String service;
    private final @Nullable String before;
    private final @Nullable String after;

    private TimelineEvent(Instant when, Finding.Kind kind, @Nullable String port, @Nullable String service, @Nullable String before, @Nullable String after) {
        this.when = Objects.requireNonNull(when, "when");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.port = port;
        this.service = service;
        this.before = before;
        this.after = after;
    }

    /**
     * Returns the event of a finding.
     *
     * @param finding what was found; never null
     * @param when when it happened; never null
     * @return the event, never null
     */
    public static TimelineEvent of(Finding finding, Instant when) {
        return new TimelineEvent(when, finding.kind(), finding.port(), finding.service(), finding.before(), finding.after());
    }

    /**
     * Returns an event as a store kept it.
     *
     * @param when when it happened; never null
     * @param kind what happened; never null
     * @param port the port as {@code 5432/tcp}; null for the host itself
     * @param service the service, or the script id of a script change; may be null
     * @param before what it was; may be null
     * @param after what it became; may be null
     * @return the event, never null
     */
    public static TimelineEvent of(Instant when, Finding.Kind kind, @Nullable String port, @Nullable String service, @Nullable String before, @Nullable String after) {
        return new TimelineEvent(when, kind, port, service, before, after);
    }

    /** Returns when it happened; never null. */
    public Instant when() {
        return when;
    }

    /** Returns what happened; never null. */
    public Finding.Kind kind() {
        return kind;
    }

    /** Returns the port, as {@code 5432/tcp}; null for the host itself. */
    public @Nullable String port() {
        return port;
    }

    /** Returns the service (or, for a script change, the script id); may be null. */
    public @Nullable String service() {
        return service;
    }

    /** Returns what it was (a version, a name); may be null. */
    public @Nullable String before() {
        return before;
    }

    /** Returns what it became; may be null. */
    public @Nullable String after() {
        return after;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimelineEvent e && when.equals(e.when) && kind == e.kind && Objects.equals(port, e.port)
                && Objects.equals(service, e.service) && Objects.equals(before, e.before) && Objects.equals(after, e.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(when, kind, port);
    }

    @Override
    public String toString() {
        return when + " " + kind.id() + (port == null ? "" : " " + port);
    }
}
