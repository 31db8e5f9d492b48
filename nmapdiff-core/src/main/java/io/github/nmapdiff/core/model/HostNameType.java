package io.github.nmapdiff.core.model;


/** Where a host name came from: the user's target list, or a reverse DNS (PTR) lookup. */
public enum HostNameType {
    /** nmap's {@code user}. */
    USER("user"),
    /** nmap's {@code PTR}. */
    PTR("PTR");

    private final String nmapName;

    HostNameType(String nmapName) {
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
    public static HostNameType fromNmap(String nmapName) {
        return NmapWords.parse(values(), HostNameType::nmapName, "host name type", nmapName);
    }

    @Override
    public String toString() {
        return nmapName;
    }
}
