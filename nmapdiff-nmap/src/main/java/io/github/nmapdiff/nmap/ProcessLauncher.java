package io.github.nmapdiff.nmap;

import java.io.IOException;
import java.util.List;

/**
 * Starts a process from an argument list: the seam in front of process launching, so that a
 * test or an embedding application can choose how nmap runs (in a network namespace, under
 * sudo, in a container). Implementations must never hand the command to a shell.
 */
@FunctionalInterface
public interface ProcessLauncher {
    /** Starts the command as it is, with {@link ProcessBuilder}. */
    ProcessLauncher DIRECT = command -> new ProcessBuilder(command).start();

    /**
     * Starts a process.
     *
     * @param command the program and its arguments, one per element, never null
     * @return the started process, never null
     * @throws IOException when the program cannot be started
     */
    Process start(List<String> command) throws IOException;
}
