package io.github.nmapdiff.nmap;

import java.util.List;

/**
 * nmap refused to run because an option needs root privileges (raw sockets: {@code -sS},
 * {@code -sU}, {@code -O} and others).
 */
public final class NmapPrivilegeException extends NmapFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param commandLine the command that ran, never null
     * @param exitCode nmap's exit code
     * @param stderrTail the last lines nmap wrote to stderr, never null
     */
    public NmapPrivilegeException(List<String> commandLine, int exitCode, String stderrTail) {
        super("nmap needs root privileges for these options: run nmapdiff as root (or with sudo), or choose options"
                + " that do not need them (-sT instead of -sS; no -sU, -O or --traceroute)", commandLine, exitCode, stderrTail);
    }
}
