package io.github.nmapdiff.core.model;


/** The state nmap gives a port; the two combined states are nmap's answer when it cannot tell two states apart. */
public enum PortState {
    /** nmap's {@code open}. */
    OPEN("open"),
    /** nmap's {@code closed}. */
    CLOSED("closed"),
    /** nmap's {@code filtered}. */
    FILTERED("filtered"),
    /** nmap's {@code unfiltered}. */
    UNFILTERED("unfiltered"),
    /** nmap's {@code open|filtered}. */
    OPEN_FILTERED("open|filtered"),
    /** nmap's {@code closed|filtered}. */
    CLOSED_FILTERED("closed|filtered"),
    /** nmap's {@code unknown}. */
    UNKNOWN("unknown");

    private final String nmapName;

    PortState(String nmapName) {
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
    public static PortState fromNmap(String nmapName) {
        return NmapWords.parse(values(), PortState::nmapName, "port state", nmapName);
    }

    @Override
    public String toString() {
        return nmapName;
    }
}
