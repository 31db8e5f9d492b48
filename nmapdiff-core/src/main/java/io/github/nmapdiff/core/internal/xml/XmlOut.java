package io.github.nmapdiff.core.internal.xml;

import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * A minimal XML writer for nmap's layout: one element per line, attributes in nmap's order,
 * and every character that XML would otherwise change on reading (line breaks and tabs in
 * attributes, carriage returns anywhere) written as a character reference, so that reading
 * the output gives back exactly the strings written.
 */
final class XmlOut {
    private final Writer out;

    XmlOut(Writer out) {
        this.out = out;
    }

    XmlOut raw(String text) throws IOException {
        out.write(text);
        return this;
    }

    /** Writes {@code <name}; attributes may follow. */
    XmlOut start(String name) throws IOException {
        out.write('<');
        out.write(name);
        return this;
    }

    /** Writes an attribute, or nothing when the value is null. */
    XmlOut attr(String name, @Nullable Object value) throws IOException {
        if (value != null) {
            out.write(' ');
            out.write(name);
            out.write("=\"");
            escape(value.toString());
            out.write('"');
        }
        return this;
    }

    /** Ends a start tag whose element has content. */
    XmlOut open() throws IOException {
        out.write(">\n");
        return this;
    }

    /** Ends a start tag as an empty element. */
    XmlOut empty() throws IOException {
        out.write("/>\n");
        return this;
    }

    /** Ends a start tag, writes text content and the end tag. */
    XmlOut text(String name, String text) throws IOException {
        out.write('>');
        escape(text);
        return end(name);
    }

    XmlOut end(String name) throws IOException {
        out.write("</");
        out.write(name);
        out.write(">\n");
        return this;
    }

    private void escape(String s) throws IOException {
        int length = s.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\n' -> "&#xa;";
                case '\r' -> "&#xd;";
                case '\t' -> "&#x9;";
                default -> null;
            };
            if (replacement == null) {
                if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                    throw notXml(s, c);
                }
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    throw notXml(s, c);
                }
                continue;
            }
            out.write(s, plain, i - plain);
            out.write(replacement);
            plain = i + 1;
        }
        out.write(s, plain, length - plain);
    }

    private static IllegalArgumentException notXml(String s, char c) {
        return new IllegalArgumentException(String.format(
                "character U+%04X cannot be written in XML 1.0 (in \"%s\"); nmap itself escapes such characters",
                (int) c, s.length() > 60 ? s.substring(0, 60) + "..." : s));
    }
}
