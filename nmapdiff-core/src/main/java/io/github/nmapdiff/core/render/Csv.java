package io.github.nmapdiff.core.render;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Comma-separated values for spreadsheets, with what came from the network kept as text. */
public final class Csv {
    private Csv() {
    }

    /** A formula's first character after a separator some spreadsheet splits on ({@code ;} in many locales, a tab). */
    private static final Pattern FORMULA_AFTER_SEPARATOR = Pattern.compile("([,;\t]\\s*)([=+\\-@])");

    /**
     * Returns one cell: quoted when it holds a comma, a semicolon, a tab, a quote or a line
     * break; and text that starts with {@code = + - @} (or a tab or carriage return), or has one
     * of them after a separator (a spreadsheet that splits on {@code ;} would start a cell
     * there), is made plain text with a {@code '} before it, so that a host name or banner from
     * the network cannot become a spreadsheet formula.
     *
     * @param value the value; null for an empty cell
     * @return the cell, never null
     */
    public static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String v = FORMULA_AFTER_SEPARATOR.matcher(value).replaceAll("$1'$2");
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains(";") || v.contains("\t") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                || !v.equals(value) ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Returns a row of cells, ending in a line feed; a null value is an empty cell. */
    public static String row(@Nullable String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(cell(values[i]));
        }
        return b.append('\n').toString();
    }
}
