package io.github.nmapdiff.core.internal;

import java.util.List;

/**
 * What ndiff leaves out when it compares a host, written down once. ndiff compares a host's
 * state, addresses, names, ports (state, service, scripts), extraports, OS match names and host
 * scripts ({@link NdiffHost} holds exactly those); these elements of a host are read by the
 * careful reader but play no part, and differ from scan to scan. The fast path
 * ({@code HostScanner}) leaves their bytes out when it decides whether two hosts are the same;
 * a test holds both to this table.
 */
public final class NdiffIgnores {
    /**
     * The elements inside a {@code <host>} whose content ndiff does not compare, wherever they
     * are in it: timing, sequence analysis, the route, the uptime guess, and OS detection's
     * classes, fingerprint and the ports it used (only the OS match names count).
     */
    public static final List<String> HOST_ELEMENTS = List.of("times", "tcpsequence", "tcptssequence", "ipidsequence",
            "trace", "uptime", "smurf", "osclass", "osfingerprint", "portused");

    private NdiffIgnores() {
    }
}
