package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.internal.PyText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Indexes a file of nmap's own XML at the speed of reading bytes, without an XML parser: it
 * finds each child of {@code <nmaprun>}, and for a host takes its ndiff id from its address and
 * hostname attributes and a SHA-256 of its bytes, leaving out the start tag and the elements
 * that change on every scan but that ndiff ignores ({@code times}, {@code uptime}, the
 * sequence elements, {@code trace}, OS detection's ports, classes and fingerprints). Two hosts with the same bytes parse to the same host, so
 * equal fingerprints mean equal hosts to ndiff; hosts whose bytes differ in any other way are
 * read in full and compared, which costs time but never correctness.
 *
 * <p>It understands exactly what nmap writes: elements, attributes in either quote, the five
 * predefined entities and character references, comments, processing instructions, a DOCTYPE
 * without an internal subset, UTF-8. Anything else (CDATA, a DTD with declarations, another
 * encoding, a file cut short) returns null, and the file is read the careful way.
 */
final class HostScanner {
    /** Host children that ndiff ignores and that differ from scan to scan. */
    private static final Set<String> VOLATILE = Set.of("times", "uptime", "tcpsequence", "ipidsequence", "tcptssequence",
            "trace", "smurf", "portused", "osclass", "osfingerprint");

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private long base; // file offset of buf[0]
    private boolean eof;
    private final MessageDigest sha;

    private HostScanner(InputStream in) throws NoSuchAlgorithmException {
        this.in = in;
        this.sha = MessageDigest.getInstance("SHA-256");
    }

    /** Indexes a file, or returns null when it is not plain nmap XML this scanner takes. */
    static HostIndex scan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new HostScanner(in).index(file);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    // ---------------------------------------------------------------- buffer

    /** Makes at least {@code n} bytes available from {@code pos}; false at the end of the file. Never moves bytes. */
    private boolean have(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (limit == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return true;
    }

    /** Drops the bytes before {@code pos}; only between elements, where no index into the buffer is held. */
    private void compact() {
        if (pos > buf.length / 2) { // rarely, so that copying stays linear in the file
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
    }

    private int peek() throws IOException {
        if (!have(1)) {
            throw new Unsupported("the file ends inside the document");
        }
        return buf[pos] & 0xff;
    }

    private boolean lookingAt(String s) throws IOException {
        if (!have(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Moves past the first occurrence of {@code s}. */
    private void skipPast(String s) throws IOException {
        byte first = (byte) s.charAt(0);
        while (true) {
            int p = pos;
            byte[] b = buf;
            int l = limit;
            while (p < l && b[p] != first) {
                p++;
            }
            pos = p;
            if (!have(s.length())) {
                throw new Unsupported("the file ends inside the document");
            }
            if (lookingAt(s)) {
                pos += s.length();
                return;
            }
            if (buf[pos] == first) {
                pos++;
            }
        }
    }

    private void skipSpace() throws IOException {
        while (have(1) && isSpace(buf[pos])) {
            pos++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    // ---------------------------------------------------------------- tags

    /** The names a host scan acts on. */
    private static final String[] INTERESTING = {"address", "hostname", "times", "uptime", "tcpsequence", "ipidsequence",
        "tcptssequence", "trace", "smurf", "portused", "osclass", "osfingerprint"};

    /** Returns the name in {@code buf[from, to)} when it is one the host scan acts on, else null, without allocating. */
    private String interesting(int from, int to) {
        int length = to - from;
        for (String candidate : INTERESTING) {
            if (candidate.length() == length && buf[from] == (byte) candidate.charAt(0)) {
                boolean same = true;
                for (int i = 1; i < length && same; i++) {
                    same = buf[from + i] == (byte) candidate.charAt(i);
                }
                if (same) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Returns the index of the name in {@code buf[from, to)} among {@code names}, or -1, without allocating. */
    private int indexOf(String[] names, int from, int to) {
        for (int n = 0; n < names.length; n++) {
            String name = names[n];
            if (name.length() == to - from) {
                boolean same = true;
                for (int i = 0; i < name.length() && same; i++) {
                    same = buf[from + i] == (byte) name.charAt(i);
                }
                if (same) {
                    return n;
                }
            }
        }
        return -1;
    }

    /** Moves past a name at {@code pos}. */
    private void skipName() throws IOException {
        int start = pos;
        while (true) {
            if (pos >= limit && !have(pos - start + 1)) {
                throw new Unsupported("the file ends inside a name");
            }
            byte b = buf[pos];
            if (isSpace(b) || b == '>' || b == '/' || b == '=') {
                return;
            }
            if ((b & 0x80) != 0) {
                throw new Unsupported("a name beyond ASCII");
            }
            pos++;
        }
    }

    /** Reads a name at {@code pos}. */
    private String name() throws IOException {
        int start = pos;
        skipName();
        return new String(buf, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Reads the attributes of the start tag whose name was just read, up to and past its
     * {@code >}; returns whether the tag closed itself ({@code />}). Values are kept only for
     * the names asked for, in {@code values} (by index), entities decoded.
     */
    private boolean attributes(String[] names, String[] values) throws IOException {
        while (true) {
            skipSpace();
            int c = peek();
            if (c == '>') {
                pos++;
                return false;
            }
            if (c == '/') {
                pos++;
                if (peek() != '>') {
                    throw new Unsupported("a '/' in a start tag");
                }
                pos++;
                return true;
            }
            int nameStart = pos;
            skipName();
            int wanted = indexOf(names, nameStart, pos);
            skipSpace();
            if (peek() != '=') {
                throw new Unsupported("an attribute without a value");
            }
            pos++;
            skipSpace();
            int quote = peek();
            if (quote != '"' && quote != '\'') {
                throw new Unsupported("an unquoted attribute");
            }
            pos++;
            int start = pos;
            while (true) {
                if (!have(pos - start + 1)) {
                    throw new Unsupported("the file ends inside an attribute");
                }
                if (buf[pos] == quote) {
                    break;
                }
                if (buf[pos] == '<') {
                    throw new Unsupported("a '<' in an attribute");
                }
                pos++;
            }
            if (wanted >= 0) {
                values[wanted] = decode(start, pos);
            }
            pos++;
        }
    }

    /** The text of {@code buf[from, to)} as UTF-8 with XML's predefined entities and character references decoded. */
    private String decode(int from, int to) {
        String raw = new String(buf, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
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
                throw new Unsupported("a bare '&'");
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
                        throw new Unsupported("the entity &" + entity + ";");
                    }
                    int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    out.appendCodePoint(code);
                }
            }
            i = semi;
        }
        return out.toString();
    }

    /** Skips from inside an element's start tag (after its name) to past the element's end. */
    private void skipElement(String name) throws IOException {
        if (attributes(new String[0], new String[0])) {
            return;
        }
        // nmap does not nest an element in one of the same name, except tables in scripts, which are
        // only inside script elements that this scanner skips whole
        while (true) {
            skipPast("</" + name);
            int c = peek();
            if (c == '>' || isSpace((byte) c)) { // not the end of a longer name
                break;
            }
        }
        skipSpace();
        if (peek() != '>') {
            throw new Unsupported("a malformed end tag");
        }
        pos++;
    }

    // ---------------------------------------------------------------- document

    private HostIndex index(Path file) throws IOException {
        // the prolog: XML declaration, comments, processing instructions, a DOCTYPE without a subset
        if (have(3) && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        if (have(2) && buf[pos] == 0x1f && (buf[pos + 1] & 0xff) == 0x8b) {
            return null; // gzip
        }
        while (true) {
            skipSpace();
            if (lookingAt("<?xml ")) {
                int start = pos;
                skipPast("?>");
                String declaration = new String(buf, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
                int enc = declaration.indexOf("encoding");
                if (enc >= 0 && !declaration.substring(enc).matches("encoding\\s*=\\s*[\"'](utf-8|us-ascii)[\"'][\\s\\S]*")) {
                    return null;
                }
            } else if (lookingAt("<?")) {
                skipPast("?>");
            } else if (lookingAt("<!--")) {
                skipPast("-->");
            } else if (lookingAt("<!DOCTYPE")) {
                int start = pos;
                skipPast(">");
                if (new String(buf, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII).contains("[")) {
                    return null; // an internal subset: for the careful reader to refuse
                }
            } else if (lookingAt("<nmaprun")) {
                pos += "<nmaprun".length();
                if (attributes(new String[0], new String[0])) {
                    return null;
                }
                break;
            } else {
                return null;
            }
        }
        long headerEnd = base + pos;
        List<long[]> others = new ArrayList<>();
        List<HostIndex.Entry> hosts = new ArrayList<>();
        while (true) {
            skipSpace();
            compact();
            if (lookingAt("<!--")) {
                skipPast("-->");
                continue;
            }
            if (lookingAt("<?")) {
                skipPast("?>");
                continue;
            }
            if (lookingAt("</nmaprun")) {
                return new HostIndex(file, headerEnd, others, hosts);
            }
            if (!lookingAt("<") || lookingAt("<!")) {
                return null; // text or CDATA at the top level: not nmap's
            }
            long start = base + pos;
            pos++;
            String name = name();
            if (name.equals("host")) {
                HostIndex.Entry entry = host(start);
                if (entry == null) {
                    return null;
                }
                hosts.add(entry);
            } else {
                skipElement(name);
                others.add(new long[] {start, base + pos});
            }
        }
    }

    private static final String[] ADDRESS = {"addr", "addrtype"};
    private static final String[] HOSTNAME = {"name"};

    /** Reads a host from after its name; returns its entry, or null when it has neither address nor name. */
    private HostIndex.Entry host(long start) throws IOException {
        attributes(new String[0], new String[0]); // ndiff reads no attribute of host
        sha.reset();
        int hashed = pos;
        List<String[]> addresses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (true) {
            // the hot loop: to the next tag
            int p = pos;
            byte[] b = buf;
            int l = limit;
            while (p < l && b[p] != '<') {
                p++;
            }
            pos = p;
            if (p == l) {
                if (!have(1)) {
                    throw new Unsupported("the file ends inside a host");
                }
                continue;
            }
            int tag = pos;
            if (lookingAt("</host>") || lookingAt("</host ") || lookingAt("</host\n")) {
                sha.update(buf, hashed, tag - hashed);
                pos += "</host".length();
                skipSpace();
                if (peek() != '>') {
                    throw new Unsupported("a malformed end tag");
                }
                pos++;
                break;
            }
            if (lookingAt("<!--")) {
                sha.update(buf, hashed, tag - hashed);
                skipPast("-->");
                hashed = pos;
                continue;
            }
            if (lookingAt("<![") || lookingAt("<?")) {
                throw new Unsupported("CDATA or a processing instruction in a host");
            }
            pos++;
            if (peek() == '/') {
                pos++;
                continue;
            }
            int nameStart = pos;
            skipName();
            String name = interesting(nameStart, pos);
            if (name == null) {
                continue; // a tag this scan takes no interest in
            }
            if (VOLATILE.contains(name)) {
                sha.update(buf, hashed, tag - hashed);
                skipElement(name);
                hashed = pos;
            } else if (name.equals("address")) {
                String[] v = new String[2];
                attributes(ADDRESS, v);
                if (v[0] == null) {
                    throw new Unsupported("an address without addr");
                }
                String type = v[1] == null ? "ipv4" : v[1];
                String rank = switch (type) {
                    case "ipv4" -> "0";
                    case "ipv6" -> "1";
                    case "mac" -> "2";
                    default -> throw new Unsupported("an unknown address type");
                };
                addresses.add(new String[] {rank, v[0]});
            } else if (name.equals("hostname")) {
                String[] v = new String[1];
                attributes(HOSTNAME, v);
                if (v[0] != null) {
                    names.add(v[0]);
                }
            }
            // any other tag: its attributes hold no '<', so the scan for the next tag is safe
        }
        long end = base + pos;
        String id = id(addresses, names);
        if (id == null) {
            return null;
        }
        byte[] hash = sha.digest();
        return new HostIndex.Entry(id, HostIndex.toLong(hash, 0), HostIndex.toLong(hash, 8), start, end);
    }

    /** ndiff's host id: the first address, padded to 40, then the first name. */
    private static String id(List<String[]> addresses, List<String> names) {
        String first = null;
        String[] best = null;
        for (String[] a : addresses) {
            if (best == null || a[0].compareTo(best[0]) < 0 || a[0].equals(best[0]) && PyText.compare(a[1], best[1]) < 0) {
                best = a;
            }
        }
        if (best != null) {
            first = PyText.ljust(best[1], 40);
        }
        if (!names.isEmpty()) {
            String name = names.get(0);
            for (String n : names) {
                if (PyText.compare(n, name) < 0) {
                    name = n;
                }
            }
            return (first == null ? " ".repeat(40) : first) + name;
        }
        return first;
    }
}
