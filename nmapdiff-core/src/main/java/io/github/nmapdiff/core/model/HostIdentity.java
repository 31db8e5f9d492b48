package io.github.nmapdiff.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a host is, the one way the job, the mail, the command line and the report name it: the
 * key the job's memory knows it by, its first address in ndiff's order (IPv4, IPv6, then MAC),
 * its first name, and its MAC address where nmap saw one. Immutable.
 *
 * <p>People read it as {@link #where()}: {@code db3.example.com (192.0.2.201)}, or the address
 * alone when the host has no other name.
 */
public final class HostIdentity {
    /** ndiff's order of addresses: IPv4, IPv6, MAC, then by text. */
    public static final Comparator<Address> ADDRESS_ORDER =
            Comparator.comparing((Address a) -> a.type().ordinal()).thenComparing(Address::address, CodePointOrder.ORDER);

    private final String key;
    private final @Nullable String address;
    private final @Nullable String name;
    private final @Nullable String mac;

    private HostIdentity(String key, @Nullable String address, @Nullable String name, @Nullable String mac) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a host's key must not be blank");
        }
        this.address = address;
        this.name = name;
        this.mac = mac;
    }

    /**
     * Returns an identity.
     *
     * @param key the key the memory knows the host by; never null, not blank
     * @param address its first address; null when it has none (a host known by name only)
     * @param name its name; null when it has none
     * @param mac its MAC address; null when nmap saw none
     * @return the identity, never null
     */
    public static HostIdentity of(String key, @Nullable String address, @Nullable String name, @Nullable String mac) {
        return new HostIdentity(key, address, name, mac);
    }

    /**
     * Returns the identity of a host as a scan lists it: keyed by its first address, or by its
     * first name when it has no address.
     *
     * @param host the host, never null
     * @return the identity, or null for a host with neither address nor name (ndiff pairs no such host either)
     */
    public static @Nullable HostIdentity of(Host host) {
        String address = firstAddress(host);
        String name = firstName(host);
        String mac = host.address(AddressType.MAC).map(Address::address).orElse(null);
        String key = address != null ? address : name;
        return key == null ? null : new HostIdentity(key, address, name, mac);
    }

    /** Returns a host's first address in ndiff's order; null when it has none. */
    public static @Nullable String firstAddress(Host host) {
        return host.addresses().stream().min(ADDRESS_ORDER).map(Address::address).orElse(null);
    }

    /** Returns a host's first name in order; null when it has none. */
    public static @Nullable String firstName(Host host) {
        List<String> names = host.hostNames().stream().map(HostName::name).filter(Objects::nonNull).sorted(CodePointOrder.ORDER).toList();
        return names.isEmpty() ? null : names.get(0);
    }

    /** Returns the key the job's memory knows the host by; never null. */
    public String key() {
        return key;
    }

    /** Returns its first address; null when it has none. */
    public @Nullable String address() {
        return address;
    }

    /** Returns its name; null when it has none. */
    public @Nullable String name() {
        return name;
    }

    /** Returns its MAC address; null when nmap saw none. */
    public @Nullable String mac() {
        return mac;
    }

    /** Returns this identity under another name (a rename). */
    public HostIdentity withName(String newName) {
        return new HostIdentity(key, address, newName, mac);
    }

    /** Returns how people know the host: {@code db3.example.com (192.0.2.201)}, or the address (or key) alone. */
    public String where() {
        return where(name, address != null ? address : key);
    }

    /**
     * Returns how people know a host with a name and an address: {@code name (address)}, or the
     * address alone when the name is missing or is the address.
     *
     * @param name the name; may be null
     * @param address the address; never null
     * @return the text, never null
     */
    public static String where(@Nullable String name, String address) {
        return name == null || name.equals(address) ? address : name + " (" + address + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostIdentity h && key.equals(h.key) && Objects.equals(address, h.address)
                && Objects.equals(name, h.name) && Objects.equals(mac, h.mac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, address, name, mac);
    }

    @Override
    public String toString() {
        return where();
    }
}
