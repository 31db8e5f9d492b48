package io.github.nmapdiff.core.model;


/** Whether nmap found a host up. */
public enum HostState {
    /** nmap's {@code up}. */
    UP("up"),
    /** nmap's {@code down}. */
    DOWN("down"),
    /** nmap's {@code unknown}. */
    UNKNOWN("unknown"),
    /** nmap's {@code skipped}. */
    SKIPPED("skipped");

    private final String nmapName;

    HostState(String nmapName) {
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
    public static HostState fromNmap(String nmapName) {
        return NmapWords.parse(values(), HostState::nmapName, "host state", nmapName);
    }

    @Override
    public String toString() {
        return nmapName;
    }
}
