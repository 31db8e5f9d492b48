package io.github.nmapdiff.core.internal;

import java.util.ArrayList;
import io.github.nmapdiff.core.model.CodePointOrder;
import java.util.Comparator;
import java.util.List;

/**
 * Text operations with the exact semantics of Python 3's {@code str}, which ndiff's output is
 * made of: comparison by code point, {@code splitlines()}, {@code rstrip()} and {@code ljust()}
 * counting code points.
 */
public final class PyText {
    /** Orders strings by code point, as Python compares {@code str}. */
    public static final Comparator<String> ORDER = CodePointOrder.ORDER;

    private PyText() {
    }

    /** Compares two strings by code point. */
    public static int compare(String x, String y) {
        return ORDER.compare(x, y);
    }

    /** Splits at every line boundary Python knows, dropping the boundaries, as {@code str.splitlines()}. */
    public static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }

    /** Removes trailing white space as Python's {@code str.rstrip()} does. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0x2028 || cp == 0x2029
                || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    /** Returns the number of code points, Python's {@code len()}. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Pads with spaces on the right to a width in code points, as {@code str.ljust(width)}. */
    public static String ljust(String s, int width) {
        int pad = width - length(s);
        return pad <= 0 ? s : s + " ".repeat(pad);
    }
}
