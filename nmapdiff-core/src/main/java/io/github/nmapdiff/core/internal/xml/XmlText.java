package io.github.nmapdiff.core.internal.xml;

import java.nio.charset.StandardCharsets;

/** The text of attribute values as an XML parser reads them, for the byte-level reading of nmap's XML. */
final class XmlText {
    private XmlText() {
    }

    /**
     * Returns the text of {@code buf[from, to)}, an attribute value, as an XML parser reads it:
     * UTF-8 with the predefined entities and character references decoded, and a literal tab or
     * line break as a space.
     *
     * @throws UnsupportedXml at a bare {@code &} or an entity a DTD would have to declare
     */
    static String decode(byte[] buf, int from, int to) {
        String raw = new String(buf, from, to - from, StandardCharsets.UTF_8);
        if (raw.indexOf('&') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && raw.indexOf('\t') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                continue; // a line break is one, whatever its bytes
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' '); // as an XML parser normalises a literal one in an attribute
                continue;
            }
            if (c != '&') {
                out.append(c);
                continue;
            }
            int semi = raw.indexOf(';', i);
            if (semi < 0) {
                throw new UnsupportedXml("a bare '&'");
            }
            String entity = raw.substring(i + 1, semi);
            switch (entity) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (!entity.startsWith("#")) {
                        throw new UnsupportedXml("the entity &" + entity + ";");
                    }
                    int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    out.appendCodePoint(code);
                }
            }
            i = semi;
        }
        return out.toString();
    }

}
