package io.github.nmapdiff.core.spi;

import java.util.Objects;

/**
 * What a {@link MemoryStore} lists of every host it keeps, cheaply: enough to tell, for each
 * host of a new scan, whether the memory has to read its record at all. Immutable.
 *
 * @see HostRecord#summary()
 */
public final class HostSummary {
    private final String key;
    private final String address;
    private final String mac;
    private final String name;
    private final boolean present;
    private final boolean watched;
    private final String observationId;
    private final String observation;

    private HostSummary(String key, String address, String mac, String name, boolean present, boolean watched, String observationId,
            String observation) {
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
    public static HostSummary of(String key, String address, String mac, String name, boolean present, boolean watched,
            String observationId, String observation) {
        return new HostSummary(key, address, mac, name, present, watched, observationId, observation);
    }

    /** Returns the host's key; never null. */
    public String key() {
        return key;
    }

    /** Returns its address; may be null. */
    public String address() {
        return address;
    }

    /** Returns its MAC address; may be null. */
    public String mac() {
        return mac;
    }

    /** Returns its name; may be null. */
    public String name() {
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
    public String observationId() {
        return observationId;
    }

    /** Returns the digest of what the last scan said of it, when absorbing it again changes nothing; may be null. */
    public String observation() {
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
