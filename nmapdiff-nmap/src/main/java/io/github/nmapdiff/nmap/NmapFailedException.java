package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.NmapDiffException;
import java.util.List;

/**
 * nmap ended with an error. The exception keeps the command line, the exit code and the end
 * of what nmap wrote to stderr, which is where nmap says what went wrong.
 */
public class NmapFailedException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    private final List<String> commandLine;
    private final int exitCode;
    private final String stderrTail;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do, never null
     * @param commandLine the command that ran, never null
     * @param exitCode nmap's exit code
     * @param stderrTail the last lines nmap wrote to stderr, never null
     */
    public NmapFailedException(String message, List<String> commandLine, int exitCode, String stderrTail) {
        super(message + " [exit code " + exitCode + "; command: " + String.join(" ", commandLine) + "]"
                + (stderrTail.isBlank() ? "" : "\nnmap said:\n" + stderrTail.strip()));
        this.commandLine = List.copyOf(commandLine);
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    /** Returns the command that ran, one argument per element; never null. */
    public List<String> commandLine() {
        return commandLine;
    }

    /** Returns nmap's exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** Returns the last lines nmap wrote to stderr; never null. */
    public String stderrTail() {
        return stderrTail;
    }
}
