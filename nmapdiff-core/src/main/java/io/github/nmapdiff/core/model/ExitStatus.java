package io.github.nmapdiff.core.model;


/** How an nmap run ended, as its run statistics say. */
public enum ExitStatus {
    /** nmap's {@code success}. */
    SUCCESS("success"),
    /** nmap's {@code error}. */
    ERROR("error");

    private final String nmapName;

    ExitStatus(String nmapName) {
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
    public static ExitStatus fromNmap(String nmapName) {
        return NmapWords.parse(values(), ExitStatus::nmapName, "exit status", nmapName);
    }

    @Override
    public String toString() {
        return nmapName;
    }
}
