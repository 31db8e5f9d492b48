package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What OS detection ({@code -O}) found for a host.
 *
 * @param portsUsed the ports OS detection relied on; never null
 * @param matches the OS guesses, best first; never null
 * @param classes OS classes that nmap before 4.9x wrote beside the matches rather than in them; never null
 * @param fingerprints the TCP/IP fingerprints nmap printed; never null
 */
public record OsDetection(List<PortUsed> portsUsed, List<OsMatch> matches, List<OsClass> classes, List<String> fingerprints) {

    private static final OsDetection EMPTY = new OsDetection(List.of(), List.of(), List.of(), List.of());

    /** Validates the fields and copies the lists. */
    public OsDetection {
        portsUsed = List.copyOf(Objects.requireNonNull(portsUsed, "portsUsed"));
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
        fingerprints = List.copyOf(Objects.requireNonNull(fingerprints, "fingerprints"));
    }

    /** Returns the result of a host on which OS detection did not run; never null. */
    public static OsDetection empty() {
        return EMPTY;
    }

    /** Returns whether OS detection found nothing at all. */
    public boolean isEmpty() {
        return portsUsed.isEmpty() && matches.isEmpty() && classes.isEmpty() && fingerprints.isEmpty();
    }
}
