package io.github.nmapdiff.core.model;


/** The kind of a host's address. */
public enum AddressType {
    /** nmap's {@code ipv4}. */
    IPV4("ipv4"),
    /** nmap's {@code ipv6}. */
    IPV6("ipv6"),
    /** nmap's {@code mac}. */
    MAC("mac");

    private final String nmapName;

    AddressType(String nmapName) {
        this.nmapName = nmapName;
    }

    /** Returns the word nmap writes for this value in its XML output; never null. */
    public String nmapName() {
        return nmapName;
    }

    /**
     * Returns the value that nmap writes as {@code nmapName}.
     *
     * @param nmapName the word from nmap's XML output, never null
     * @return the value, never null
     * @throws IllegalArgumentException when nmap has no such word here
     */
    public static AddressType fromNmap(String nmapName) {
        return NmapWords.parse(values(), AddressType::nmapName, "address type", nmapName);
    }

    @Override
    public String toString() {
        return nmapName;
    }
}
