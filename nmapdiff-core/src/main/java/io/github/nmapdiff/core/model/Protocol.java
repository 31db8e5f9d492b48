package io.github.nmapdiff.core.model;


/** The protocol of a port: TCP, UDP, SCTP, or an IP protocol number ({@code -sO}). */
public enum Protocol {
    /** nmap's {@code tcp}. */
    TCP("tcp"),
    /** nmap's {@code udp}. */
    UDP("udp"),
    /** nmap's {@code sctp}. */
    SCTP("sctp"),
    /** nmap's {@code ip}. */
    IP("ip");

    private final String nmapName;

    Protocol(String nmapName) {
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
    public static Protocol fromNmap(String nmapName) {
        return NmapWords.parse(values(), Protocol::nmapName, "protocol", nmapName);
    }

    @Override
    public String toString() {
        return nmapName;
    }
}
