package io.github.nmapdiff.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A scan file is not well-formed nmap XML, or it tries something that nmapdiff refuses to
 * do for safety (a DTD with entities, an external entity).
 *
 * <p>The exception names the file, and the line and column where the parser stopped when it
 * knows them (both are {@code -1} when it does not).
 */
public final class MalformedScanException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * Creates the exception.
     *
     * @param source the file name or other description of the input, never null
     * @param line the 1-based line, or -1 when unknown
     * @param column the 1-based column, or -1 when unknown
     * @param problem what is wrong, never null
     * @param cause the parser's exception, may be null
     */
    public MalformedScanException(String source, int line, int column, String problem, @Nullable Throwable cause) {
        super(format(source, line, column, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder where = new StringBuilder(Objects.requireNonNull(source, "source"));
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + Objects.requireNonNull(problem, "problem");
    }

    /** Returns the file name or description of the input; never null. */
    public String source() {
        return source;
    }

    /** Returns the 1-based line where reading stopped, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column where reading stopped, or -1 when unknown. */
    public int column() {
        return column;
    }
}
