package io.github.nmapdiff.core.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link MemoryStore} lists of every host it keeps, cheaply: enough to tell, for each
 * host of a new scan, whether the memory has to read its record at all. Immutable.
 *
 * @see HostRecord#summary()
 */
public final class HostSummary {
    private final String key;
    private final @Nullable String address;
    private final @Nullable String mac;
    private final @Nullable String name;
    private final boolean present;
    private final boolean watched;
    private final @Nullable String observationId;
    private final @Nullable String observation;

    private HostSummary(String key, @Nullable String address, @Nullable String mac, @Nullable String name, boolean present, boolean watched, @Nullable String observationId,
            @Nullable String observation) {
        this.key = Objects.requireNonNull(key, "key");
        this.address = address;
        this.mac = mac;
        this.name = name;
        this.present = present;
        this.watched = watched;
        this.observationId = observationId;
        this.observation = observation;
    }

    /**
     * Returns a summary; the arguments are those of {@link HostRecord} of the same names.
     *
     * @param key never null
     * @param address may be null
     * @param mac may be null
     * @param name may be null
     * @param present whether it answers
     * @param watched whether the scans cover it
     * @param observationId may be null
     * @param observation may be null
     * @return the summary, never null
     */
    public static HostSummary of(String key, @Nullable String address, @Nullable String mac, @Nullable String name, boolean present, boolean watched,
            @Nullable String observationId, @Nullable String observation) {
        return new HostSummary(key, address, mac, name, present, watched, observationId, observation);
    }

    /** Returns the host's key; never null. */
    public String key() {
        return key;
    }

    /** Returns its address; may be null. */
    public @Nullable String address() {
        return address;
    }

    /** Returns its MAC address; may be null. */
    public @Nullable String mac() {
        return mac;
    }

    /** Returns its name; may be null. */
    public @Nullable String name() {
        return name;
    }

    /** Returns whether it answers. */
    public boolean present() {
        return present;
    }

    /** Returns whether the scans cover it. */
    public boolean watched() {
        return watched;
    }

    /** Returns the id the last scan listed it under; may be null. */
    public @Nullable String observationId() {
        return observationId;
    }

    /** Returns the digest of what the last scan said of it, when absorbing it again changes nothing; may be null. */
    public @Nullable String observation() {
        return observation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostSummary s && key.equals(s.key) && Objects.equals(address, s.address) && Objects.equals(mac, s.mac)
                && Objects.equals(name, s.name) && present == s.present && watched == s.watched
                && Objects.equals(observationId, s.observationId) && Objects.equals(observation, s.observation);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "HostSummary[" + key + "]";
    }
}
