package io.github.nmapdiff.core.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the job's memory keeps of one port of a host (only ports that have been open): for a
 * {@link MemoryStore} to keep as it is told and give back equal. Immutable; made with
 * {@link #builder(String)}, so that a later version can add to it without breaking a store.
 *
 * <p>The facts people ask about are typed (open, first and last seen, service, version); what
 * only the memory's rules read (how many scans missed it, the versions it showed before) is in
 * {@link #attributes()}, named values that a store keeps without knowing them.
 */
public final class PortRecord {
    private final String port;
    private final boolean open;
    private final boolean watched;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final @Nullable String service;
    private final @Nullable String version;
    private final Map<String, String> scripts;
    private final Map<String, String> attributes;

    private PortRecord(Builder b) {
        this.port = b.port;
        this.open = b.open;
        this.watched = b.watched;
        this.firstSeen = Objects.requireNonNull(b.firstSeen, "firstSeen");
        this.lastSeen = Objects.requireNonNull(b.lastSeen, "lastSeen");
        this.service = b.service;
        this.version = b.version;
        this.scripts = Map.copyOf(b.scripts);
        this.attributes = Map.copyOf(b.attributes);
    }

    /**
     * Starts a port record: closed, watched, no service.
     *
     * @param port the port, as {@code 5432/tcp}; never null
     * @return the builder, never null
     */
    public static Builder builder(String port) {
        return new Builder(port);
    }

    /** Returns a builder holding everything this record says. */
    public Builder toBuilder() {
        return new Builder(port).open(open).watched(watched).seen(firstSeen, lastSeen).service(service, version).scripts(scripts)
                .attributes(attributes);
    }

    /** Returns the port, as {@code 5432/tcp}; never null. */
    public String port() {
        return port;
    }

    /** Returns whether the memory holds it open. */
    public boolean open() {
        return open;
    }

    /** Returns whether the scans still probe it (their arguments cover it). */
    public boolean watched() {
        return watched;
    }

    /** Returns when it was first seen open; never null. */
    public Instant firstSeen() {
        return firstSeen;
    }

    /** Returns when it was last seen open, as last written; never null. */
    public Instant lastSeen() {
        return lastSeen;
    }

    /** Returns nmap's name of the service last identified on it; may be null. */
    public @Nullable String service() {
        return service;
    }

    /** Returns the product and version last identified; may be null. */
    public @Nullable String version() {
        return version;
    }

    /** Returns what the memory knows of each script's output on it, by script id; never null. */
    public Map<String, String> scripts() {
        return scripts;
    }

    /** Returns the memory's own values for it, by name; never null. */
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortRecord p && port.equals(p.port) && open == p.open && watched == p.watched
                && firstSeen.equals(p.firstSeen) && lastSeen.equals(p.lastSeen) && Objects.equals(service, p.service)
                && Objects.equals(version, p.version) && scripts.equals(p.scripts) && attributes.equals(p.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, open, firstSeen, service, version);
    }

    @Override
    public String toString() {
        return port + (open ? " open" : " not open") + (service == null ? "" : " " + service) + (version == null ? "" : " " + version)
                + (attributes.isEmpty() ? "" : " " + new TreeMap<>(attributes));
    }

    /** Builds a {@link PortRecord}; not thread-safe. */
    public static final class Builder {
        private final String port;
        private boolean open;
        private boolean watched = true;
        private @Nullable Instant firstSeen;
        private @Nullable Instant lastSeen;
        private @Nullable String service;
        private @Nullable String version;
        private Map<String, String> scripts = Map.of();
        private Map<String, String> attributes = Map.of();

        private Builder(String port) {
            this.port = Objects.requireNonNull(port, "port");
        }

        /** Whether the memory holds it open. */
        public Builder open(boolean isOpen) {
            this.open = isOpen;
            return this;
        }

        /** Whether the scans still probe it; true when not set. */
        public Builder watched(boolean isWatched) {
            this.watched = isWatched;
            return this;
        }

        /** When it was first and last seen open; both required. */
        public Builder seen(Instant first, Instant last) {
            this.firstSeen = first;
            this.lastSeen = last;
            return this;
        }

        /** The service and version last identified; either may be null. */
        public Builder service(@Nullable String name, @Nullable String productAndVersion) {
            this.service = name;
            this.version = productAndVersion;
            return this;
        }

        /** What the memory knows of each script's output, by script id. */
        public Builder scripts(Map<String, String> byScript) {
            this.scripts = Map.copyOf(byScript);
            return this;
        }

        /** The memory's own values, by name. */
        public Builder attributes(Map<String, String> byName) {
            this.attributes = Map.copyOf(byName);
            return this;
        }

        /**
         * Returns the record.
         *
         * @throws NullPointerException when first or last seen was not set
         */
        public PortRecord build() {
            return new PortRecord(this);
        }
    }
}
