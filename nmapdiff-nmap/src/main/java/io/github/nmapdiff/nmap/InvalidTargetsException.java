package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.NmapDiffException;

/**
 * A targets file, or a target, that nmapdiff will not hand to nmap: a line that looks like an
 * option, holds several words, or holds characters no target has. Nothing was scanned.
 */
public final class InvalidTargetsException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param source the file name, or a description of where the target came from, never null
     * @param line the 1-based line, or -1 when there is none
     * @param problem what is wrong and what to do, never null
     */
    public InvalidTargetsException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** Returns the file name or description of the input; never null. */
    public String source() {
        return source;
    }

    /** Returns the 1-based line, or -1 when there is none. */
    public int line() {
        return line;
    }
}
