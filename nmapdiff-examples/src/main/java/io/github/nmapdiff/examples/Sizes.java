package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes as people write them ({@code 512k}, {@code 9M}, {@code 4G}, in powers of 1024) and writes them back. */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([kmg]?)i?b?");

    private Sizes() {
    }

    static long parse(String text, String what) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new NmapDiffException(what + " is not a size: '" + text + "' (write 512k, 9M or 4G)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    /** A size as people read it: {@code 4 GiB}, {@code 9.5 MiB}, {@code 812 bytes}. */
    static String format(long bytes) {
        String[] units = {"KiB", "MiB", "GiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
