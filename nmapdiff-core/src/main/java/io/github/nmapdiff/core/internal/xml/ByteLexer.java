package io.github.nmapdiff.core.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a file of nmap's own XML, read through a buffer, and the lexing of them: the
 * next tag, a name at a place, a start tag's attributes, skipping a comment or an element.
 * It understands what nmap writes and throws {@link UnsupportedXml} at anything else, for the
 * careful reader to take.
 *
 * <p>{@link HostScanner} extends it rather than holding one: its loop over every tag of a file
 * reads {@link #buf} and {@link #pos} directly, and one object keeps that loop as fast as it
 * was when both were one class.
 */
class ByteLexer {
    /** Bytes that must follow a {@code <} in the buffer before it is looked at, unless the file ends. */
    static final int MARGIN = 64;

    private final InputStream in;
    /** The bytes read; {@code buf[limit]} is always a {@code <}, a sentinel for {@link #nextTag}. */
    byte[] buf;
    /** Where the lexer is in {@link #buf}. */
    int pos;
    /** How many bytes of {@link #buf} hold the file. */
    int limit;
    /** The file offset of {@code buf[0]}. */
    long base;
    /** Whether the file has ended. */
    boolean eof;

    ByteLexer(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
        buf[0] = '<'; // the sentinel of an empty buffer
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads more of the file, keeping the bytes from {@code pos} on (at the start of the buffer,
     * which grows when they fill it). Every index into the buffer but {@code pos} is stale
     * afterwards. Returns false at the end of the file.
     *
     * <p>The byte after the last one read is always a {@code <}, a sentinel that ends the
     * search for the next tag without a test of the index at every byte.
     */
    final boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        } else if (limit == buf.length - 1) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - 1 - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        buf[limit] = '<';
        return true;
    }

    /** Makes {@code n} bytes from {@code pos} available; false when the file ends first. */
    final boolean have(int n) throws IOException {
        while (limit - pos < n) {
            if (!refill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the index of the first {@code <} from {@code from} on: at the latest, the sentinel
     * after the last byte read. Kept tiny and without a branch the data seldom takes, which
     * would cost a recompilation when it does: this is the hot loop.
     */
    private static int nextTag(byte[] b, int from) {
        int i = from;
        while (b[i] != '<') {
            i++;
        }
        return i;
    }

    /** Moves {@code pos} to the next {@code <} with {@link #MARGIN} bytes after it in the buffer, or to the end of the file. */
    final void toNextTag() throws IOException {
        while (true) {
            pos = nextTag(buf, pos);
            if (limit - pos >= MARGIN || eof) {
                if (limit - pos < 8) { // what follows a tag in a host or element is longer: at least its end and </nmaprun>
                    throw new UnsupportedXml("the file ends inside the document");
                }
                return;
            }
            refill();
        }
    }

    /** Returns whether {@code name} lies at {@code at}, followed by the end of a name. */
    final boolean nameAt(int at, byte[] name) {
        int end = at + name.length;
        if (end >= limit) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (buf[at + i] != name[i]) {
                return false;
            }
        }
        byte after = buf[end];
        return isSpace(after) || after == '>' || after == '/';
    }

    /** Returns whether a comment starts at {@code at}, which {@link #toNextTag()} left at a {@code <}. */
    final boolean commentAt(int at) {
        return buf[at + 1] == '!' && buf[at + 2] == '-' && buf[at + 3] == '-';
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    final boolean lookingAt(String s) throws IOException {
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
    final void skipPast(String s) throws IOException {
        byte first = (byte) s.charAt(0);
        while (true) {
            while (pos < limit && buf[pos] != first) {
                pos++;
            }
            if (!have(s.length())) {
                throw new UnsupportedXml("the file ends inside the document");
            }
            if (lookingAt(s)) {
                pos += s.length();
                return;
            }
            pos++;
        }
    }

    final void skipSpace() throws IOException {
        while (have(1) && isSpace(buf[pos])) {
            pos++;
        }
    }

    /**
     * Makes the start tag at {@code pos} available and returns the index of its first {@code >},
     * which is its end unless an attribute value holds one; {@link #attributes} then finds that
     * value unclosed and refuses the tag. nmap escapes {@code >} in values.
     */
    final int tagEnd() throws IOException {
        int i = pos + 1;
        while (true) {
            while (i < limit && buf[i] != '>') {
                i++;
            }
            if (i < limit) {
                return i;
            }
            int offset = i - pos;
            if (!refill()) {
                throw new UnsupportedXml("the file ends inside a tag");
            }
            i = pos + offset;
        }
    }

    /**
     * Makes the whole start tag at {@code pos} available and returns the index of its
     * {@code >}, respecting quotes, for a tag whose attributes are not read.
     */
    final int quotedTagEnd() throws IOException {
        int i = pos + 1;
        byte quote = 0;
        while (true) {
            if (i == limit) {
                int offset = i - pos;
                if (!refill()) {
                    throw new UnsupportedXml("the file ends inside a tag");
                }
                i = pos + offset;
                continue;
            }
            byte b = buf[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i;
            }
            if (b == '<') {
                throw new UnsupportedXml("a '<' inside a tag");
            }
            i++;
        }
    }

    /**
     * Reads the attributes of the start tag {@code buf[pos, gt]}, whose name starts at
     * {@code pos + 1}; for the names asked for, puts where their raw values lie in the buffer
     * into {@code ranges} (from, to; -1 for a name not there). Returns whether the tag closes
     * itself.
     */
    final boolean attributes(int gt, String[] names, int[] ranges) {
        Arrays.fill(ranges, -1);
        int i = pos + 1;
        while (i < gt && !isSpace(buf[i]) && buf[i] != '/') {
            if ((buf[i] & 0x80) != 0) {
                throw new UnsupportedXml("a name beyond ASCII");
            }
            i++;
        }
        while (true) {
            while (i < gt && isSpace(buf[i])) {
                i++;
            }
            if (i == gt) {
                return false;
            }
            if (buf[i] == '/') {
                if (i + 1 != gt) {
                    throw new UnsupportedXml("a '/' in a start tag");
                }
                return true;
            }
            int nameStart = i;
            while (i < gt && !isSpace(buf[i]) && buf[i] != '=') {
                i++;
            }
            int wanted = indexOf(names, nameStart, i);
            while (i < gt && isSpace(buf[i])) {
                i++;
            }
            if (i == gt || buf[i] != '=') {
                throw new UnsupportedXml("an attribute without a value");
            }
            i++;
            while (i < gt && isSpace(buf[i])) {
                i++;
            }
            if (i == gt || buf[i] != '"' && buf[i] != '\'') {
                throw new UnsupportedXml("an unquoted attribute");
            }
            byte quote = buf[i++];
            int start = i;
            while (i < gt && buf[i] != quote) {
                i++;
            }
            if (i == gt) {
                throw new UnsupportedXml("a '>' in an attribute value");
            }
            if (wanted >= 0) {
                ranges[2 * wanted] = start;
                ranges[2 * wanted + 1] = i;
            }
            i++;
        }
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

    /**
     * Skips the element whose start tag is at {@code pos}, named {@code name}, to past its end.
     * nmap does not nest an element in one of the same name, except tables in scripts, which
     * this is never asked to skip.
     */
    final void skipElement(byte[] name) throws IOException {
        int gt = quotedTagEnd();
        boolean empty = buf[gt - 1] == '/';
        pos = gt + 1;
        if (empty) {
            return;
        }
        while (true) {
            toNextTag();
            if (buf[pos + 1] == '/' && nameAt(pos + 2, name)) {
                pos += 2 + name.length;
                skipSpace();
                if (!have(1) || buf[pos] != '>') {
                    throw new UnsupportedXml("a malformed end tag");
                }
                pos++;
                return;
            }
            if (commentAt(pos)) {
                skipPast("-->");
            } else {
                pos++;
            }
        }
    }

}
