package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the job's memory keeps of one host: for a {@link MemoryStore} to keep as it is told and
 * give back equal. Immutable; made with {@link #builder(String)}, so that a later version can
 * add to it without breaking a store.
 *
 * <p>The facts people ask about are typed: who it is (key, address, MAC, name), when first and
 * last seen, whether it answers, its ports. What only the memory's rules read is in
 * {@link #attributes()}: named values that a store keeps without knowing them, so that the
 * rules can learn something new without every store learning it too.
 */
public final class HostRecord {
    private final String key;
    private final @Nullable String address;
    private final @Nullable String mac;
    private final @Nullable String name;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final boolean present;
    private final boolean watched;
    private final @Nullable String observationId;
    private final @Nullable String observation;
    private final Map<String, String> scripts;
    private final Map<HeldBack.Reason, Integer> noise;
    private final Map<String, String> attributes;
    private final List<PortRecord> ports;

    private HostRecord(Builder b) {
        this.key = b.key;
        this.address = b.address;
        this.mac = b.mac;
        this.name = b.name;
        this.firstSeen = Objects.requireNonNull(b.firstSeen, "firstSeen");
        this.lastSeen = Objects.requireNonNull(b.lastSeen, "lastSeen");
        this.present = b.present;
        this.watched = b.watched;
        this.observationId = b.observationId;
        this.observation = b.observation;
        this.scripts = Map.copyOf(b.scripts);
        EnumMap<HeldBack.Reason, Integer> n = new EnumMap<>(HeldBack.Reason.class);
        b.noise.forEach((r, c) -> {
            if (c > 0) {
                n.put(r, c);
            }
        });
        this.noise = Collections.unmodifiableMap(n);
        this.attributes = Map.copyOf(b.attributes);
        this.ports = b.ports.stream().sorted(Comparator.comparing(PortRecord::port)).toList();
    }

    /**
     * Starts a host record: absent, watched, no ports.
     *
     * @param key the key the memory knows the host by; never null
     * @return the builder, never null
     */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    /** Returns a builder holding everything this record says. */
    public Builder toBuilder() {
        return new Builder(key).identity(address, mac, name).seen(firstSeen, lastSeen).present(present).watched(watched)
                .observation(observationId, observation).scripts(scripts).noise(noise).attributes(attributes).ports(ports);
    }

    /** Returns the key the memory knows the host by; never null. */
    public String key() {
        return key;
    }

    /** Returns its address (its first, in ndiff's order) as last seen; may be null. */
    public @Nullable String address() {
        return address;
    }

    /** Returns its MAC address as last seen; may be null. */
    public @Nullable String mac() {
        return mac;
    }

    /** Returns its name as last reported; may be null. */
    public @Nullable String name() {
        return name;
    }

    /** Returns who the host is, as people and findings name it. */
    public HostIdentity identity() {
        return HostIdentity.of(key, address != null ? address : key, name, mac);
    }

    /** Returns when it first answered; never null. */
    public Instant firstSeen() {
        return firstSeen;
    }

    /** Returns when it last answered, as last written; never null. */
    public Instant lastSeen() {
        return lastSeen;
    }

    /** Returns whether the memory holds it as answering (false once it is confirmed gone). */
    public boolean present() {
        return present;
    }

    /** Returns whether the scans still cover it (their targets take it in). */
    public boolean watched() {
        return watched;
    }

    /**
     * Returns the id under which the last scan listed it ({@code null} when none), to find its
     * record again from a scan without reading the scan in full.
     */
    public @Nullable String observationId() {
        return observationId;
    }

    /**
     * Returns the digest of what the last scan said of it, when absorbing the same again would
     * change nothing; null otherwise. A host that a scan lists with this digest is skipped.
     */
    public @Nullable String observation() {
        return observation;
    }

    /** Returns what the memory knows of each host script's output, by script id; never null. */
    public Map<String, String> scripts() {
        return scripts;
    }

    /** Returns what was held back of it since the job began, by reason; never null. */
    public Map<HeldBack.Reason, Integer> noise() {
        return noise;
    }

    /** Returns the memory's own values for it, by name; never null. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Returns the ports that have been open on it, by port; never null. */
    public List<PortRecord> ports() {
        return ports;
    }

    /** Returns what a store must be able to list of it cheaply. */
    public HostSummary summary() {
        return HostSummary.of(key, address, mac, name, present, watched, observationId, observation);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostRecord h && key.equals(h.key) && Objects.equals(address, h.address) && Objects.equals(mac, h.mac)
                && Objects.equals(name, h.name) && firstSeen.equals(h.firstSeen) && lastSeen.equals(h.lastSeen)
                && present == h.present && watched == h.watched && Objects.equals(observationId, h.observationId)
                && Objects.equals(observation, h.observation) && scripts.equals(h.scripts) && noise.equals(h.noise)
                && attributes.equals(h.attributes) && ports.equals(h.ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, address, firstSeen, present);
    }

    @Override
    public String toString() {
        return "HostRecord[" + key + (present ? "" : ", gone") + ", " + ports + (attributes.isEmpty() ? "" : ", "
                + new TreeMap<>(attributes)) + "]";
    }

    /** Builds a {@link HostRecord}; not thread-safe. */
    public static final class Builder {
        private final String key;
        private @Nullable String address;
        private @Nullable String mac;
        private @Nullable String name;
        private @Nullable Instant firstSeen;
        private @Nullable Instant lastSeen;
        private boolean present;
        private boolean watched = true;
        private @Nullable String observationId;
        private @Nullable String observation;
        private Map<String, String> scripts = Map.of();
        private Map<HeldBack.Reason, Integer> noise = Map.of();
        private Map<String, String> attributes = Map.of();
        private List<PortRecord> ports = List.of();

        private Builder(String key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** Its address, MAC and name; each may be null. */
        public Builder identity(@Nullable String firstAddress, @Nullable String macAddress, @Nullable String hostName) {
            this.address = firstAddress;
            this.mac = macAddress;
            this.name = hostName;
            return this;
        }

        /** When it first and last answered; both required. */
        public Builder seen(Instant first, Instant last) {
            this.firstSeen = first;
            this.lastSeen = last;
            return this;
        }

        /** Whether it answers, as the memory holds it. */
        public Builder present(boolean answering) {
            this.present = answering;
            return this;
        }

        /** Whether the scans still cover it; true when not set. */
        public Builder watched(boolean isWatched) {
            this.watched = isWatched;
            return this;
        }

        /** The id the last scan listed it under, and the digest of what it said when absorbing it again changes nothing. */
        public Builder observation(@Nullable String id, @Nullable String digest) {
            this.observationId = id;
            this.observation = digest;
            return this;
        }

        /** What the memory knows of each host script's output. */
        public Builder scripts(Map<String, String> byScript) {
            this.scripts = Map.copyOf(byScript);
            return this;
        }

        /** What was held back of it, by reason. */
        public Builder noise(Map<HeldBack.Reason, Integer> byReason) {
            this.noise = Map.copyOf(byReason);
            return this;
        }

        /** The memory's own values, by name. */
        public Builder attributes(Map<String, String> byName) {
            this.attributes = Map.copyOf(byName);
            return this;
        }

        /** Its ports. */
        public Builder ports(List<PortRecord> all) {
            this.ports = List.copyOf(all);
            return this;
        }

        /**
         * Returns the record.
         *
         * @throws NullPointerException when first or last seen was not set
         */
        public HostRecord build() {
            return new HostRecord(this);
        }
    }
}
