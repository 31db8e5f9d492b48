package io.github.nmapdiff.core.render;

import org.jspecify.annotations.Nullable;

/**
 * Escapes text for HTML, in element content and in quoted attribute values: everything that
 * came from the scanned network goes through here (the mail, the report).
 */
public final class Html {
    private Html() {
    }

    /**
     * Returns the text with {@code & < > " '} as references and control characters (other than
     * line feed and tab) as U+FFFD.
     *
     * @param text the text; null for none
     * @return the escaped text, never null
     */
    public static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#xFFFD;"); // a control character has no business in a page
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
