package io.github.nmapdiff.core.model;

import java.util.Comparator;

/**
 * The order of text by code point, as Python (and so ndiff) compares strings; Java's own
 * {@link String#compareTo} orders by UTF-16 unit, which differs beyond the Basic Multilingual
 * Plane. Host names from the network can hold anything, so the order is this one wherever
 * nmapdiff sorts them.
 */
public final class CodePointOrder implements Comparator<String> {
    /** The order. */
    public static final Comparator<String> ORDER = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
