package io.github.nmapdiff.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ndiff's text table: left-justified columns separated as a template says, rows cut of
 * trailing white space, and raw lines (script output) that bypass the columns.
 */
public final class NdiffTable {
    private final List<String> separators;
    private final List<Integer> widths = new ArrayList<>();
    private final List<Object> rows = new ArrayList<>();

    /**
     * Creates a table.
     *
     * @param separators what follows each column, in order; columns past the list are followed by nothing
     */
    public NdiffTable(String... separators) {
        this.separators = List.of(separators);
    }

    /** Adds a row of cells; trailing null cells are dropped, other nulls print as empty. */
    public void row(String... cells) {
        List<String> row = new ArrayList<>(Arrays.asList(cells));
        while (!row.isEmpty() && row.get(row.size() - 1) == null) {
            row.remove(row.size() - 1);
        }
        List<String> strings = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            String s = row.get(i) == null ? "" : row.get(i);
            if (i == widths.size()) {
                widths.add(PyText.length(s));
            } else {
                widths.set(i, Math.max(widths.get(i), PyText.length(s)));
            }
            strings.add(s);
        }
        rows.add(strings);
    }

    /** Adds a line as it is. */
    public void raw(String line) {
        rows.add(line);
    }

    /** Returns the number of rows, raw lines included. */
    public int size() {
        return rows.size();
    }

    /** Appends the table, each row ending in a line feed. */
    public void appendTo(StringBuilder out) {
        for (Object row : rows) {
            if (row instanceof String line) {
                out.append(line);
            } else {
                @SuppressWarnings("unchecked")
                List<String> cells = (List<String>) row;
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < cells.size(); i++) {
                    line.append(PyText.ljust(cells.get(i), widths.get(i)));
                    if (i < separators.size()) {
                        line.append(separators.get(i));
                    }
                }
                out.append(PyText.rstrip(line.toString()));
            }
            out.append('\n');
        }
    }
}
