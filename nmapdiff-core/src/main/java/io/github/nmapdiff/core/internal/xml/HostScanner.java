package io.github.nmapdiff.core.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Indexes a file of nmap's own XML at the speed of reading bytes, without an XML parser: it
 * finds each child of {@code <nmaprun>}, and for a host takes its ndiff id from its address and
 * hostname attributes, and the byte ranges that decide what the host is: all of its content but
 * comments and the elements that change on every scan and that ndiff ignores ({@code times},
 * {@code uptime}, the sequence elements, {@code trace}, OS detection's ports, classes and
 * fingerprints). Two hosts whose kept bytes are the same parse to the same host, so they are
 * equal to ndiff; hosts whose bytes differ in any other way are read in full and compared,
 * which costs time but never correctness.
 *
 * <p>It understands exactly what nmap writes: elements, attributes in either quote, the five
 * predefined entities and character references, comments, processing instructions between
 * elements, a DOCTYPE without an internal subset, UTF-8. Anything else (CDATA, a DTD with
 * declarations, another encoding, a file cut short, an id twice) returns null, and the file is
 * read the careful way.
 *
 * <p>Inside a host, the only work per byte is the search for the next {@code <}; a tag costs a
 * look at its first letters. The methods are small so that the JIT compiles them early: a diff
 * is a short process, and most of its bytes go by before a large method would be compiled.
 */
final class HostScanner {
    /** Bytes that must follow a {@code <} in the buffer before it is looked at, unless the file ends. */
    private static final int MARGIN = 64;

    private static final byte[] NMAPRUN = bytes("nmaprun");
    private static final byte[] HOST = bytes("host");
    private static final byte[] HOST_END = bytes("/host");
    private static final byte[] ADDRESS = bytes("address");
    private static final byte[] HOSTNAME = bytes("hostname");

    /** Host children that ndiff ignores and that differ from scan to scan, by first letter. */
    private static final byte[][] VOLATILE_T = {bytes("times"), bytes("tcpsequence"), bytes("tcptssequence"), bytes("trace")};
    private static final byte[][] VOLATILE_O = {bytes("osclass"), bytes("osfingerprint")};
    private static final byte[] UPTIME = bytes("uptime");
    private static final byte[] IPIDSEQUENCE = bytes("ipidsequence");
    private static final byte[] SMURF = bytes("smurf");
    private static final byte[] PORTUSED = bytes("portused");

    private static final String[] NO_NAMES = {};
    private static final int[] NO_RANGES = {};
    private static final String[] ADDRESS_ATTRIBUTES = {"addr", "addrtype"};
    private static final String[] HOSTNAME_ATTRIBUTES = {"name"};

    /** The default size of the buffer: small, so that refilling it is common enough for the JIT to expect it. */
    static final int BUFFER = 1 << 15;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long base; // file offset of buf[0]
    private boolean eof;

    /** Where the host being read began in the file, and from where its bytes are kept. */
    private long hostStart;
    private long keptFrom;
    /** The kept ranges of the host being read, as offsets from its start: from, to, from, to... */
    private int[] kept = new int[8];
    private int keptCount;

    private HostScanner(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
        buf[0] = '<'; // the sentinel of an empty buffer
    }

    /** Indexes a file, or returns null when it is not plain nmap XML this scanner takes. */
    static HostIndex scan(Path file) {
        return scan(file, BUFFER);
    }

    /** Indexes a file with a buffer of a given size (which grows for larger tags), for tests. */
    static HostIndex scan(Path file, int bufferSize) {
        try (InputStream in = Files.newInputStream(file)) {
            return new HostScanner(in, bufferSize).index(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- buffer

    /**
     * Reads more of the file, keeping the bytes from {@code pos} on (at the start of the buffer,
     * which grows when they fill it). Every index into the buffer but {@code pos} is stale
     * afterwards. Returns false at the end of the file.
     *
     * <p>The byte after the last one read is always a {@code <}, a sentinel that ends the
     * search for the next tag without a test of the index at every byte.
     */
    private boolean refill() throws IOException {
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
    private boolean have(int n) throws IOException {
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
    private void toNextTag() throws IOException {
        while (true) {
            pos = nextTag(buf, pos);
            if (limit - pos >= MARGIN || eof) {
                if (limit - pos < 8) { // what follows a tag in a host or element is longer: at least its end and </nmaprun>
                    throw new Unsupported("the file ends inside the document");
                }
                return;
            }
            refill();
        }
    }

    /** Returns whether {@code name} lies at {@code at}, followed by the end of a name. */
    private boolean nameAt(int at, byte[] name) {
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
    private boolean commentAt(int at) {
        return buf[at + 1] == '!' && buf[at + 2] == '-' && buf[at + 3] == '-';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
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
            while (pos < limit && buf[pos] != first) {
                pos++;
            }
            if (!have(s.length())) {
                throw new Unsupported("the file ends inside the document");
            }
            if (lookingAt(s)) {
                pos += s.length();
                return;
            }
            pos++;
        }
    }

    private void skipSpace() throws IOException {
        while (have(1) && isSpace(buf[pos])) {
            pos++;
        }
    }

    // ---------------------------------------------------------------- tags

    /**
     * Makes the start tag at {@code pos} available and returns the index of its first {@code >},
     * which is its end unless an attribute value holds one; {@link #attributes} then finds that
     * value unclosed and refuses the tag. nmap escapes {@code >} in values.
     */
    private int tagEnd() throws IOException {
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
                throw new Unsupported("the file ends inside a tag");
            }
            i = pos + offset;
        }
    }

    /**
     * Makes the whole start tag at {@code pos} available and returns the index of its
     * {@code >}, respecting quotes, for a tag whose attributes are not read.
     */
    private int quotedTagEnd() throws IOException {
        int i = pos + 1;
        byte quote = 0;
        while (true) {
            if (i == limit) {
                int offset = i - pos;
                if (!refill()) {
                    throw new Unsupported("the file ends inside a tag");
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
                throw new Unsupported("a '<' inside a tag");
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
    private boolean attributes(int gt, String[] names, int[] ranges) {
        Arrays.fill(ranges, -1);
        int i = pos + 1;
        while (i < gt && !isSpace(buf[i]) && buf[i] != '/') {
            if ((buf[i] & 0x80) != 0) {
                throw new Unsupported("a name beyond ASCII");
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
                    throw new Unsupported("a '/' in a start tag");
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
                throw new Unsupported("an attribute without a value");
            }
            i++;
            while (i < gt && isSpace(buf[i])) {
                i++;
            }
            if (i == gt || buf[i] != '"' && buf[i] != '\'') {
                throw new Unsupported("an unquoted attribute");
            }
            byte quote = buf[i++];
            int start = i;
            while (i < gt && buf[i] != quote) {
                i++;
            }
            if (i == gt) {
                throw new Unsupported("a '>' in an attribute value");
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
     * Appends the value in {@code buf[from, to)} to {@link #values} as an XML parser reads it,
     * in UTF-8; returns where it starts there. Plain ASCII is copied as it is.
     */
    private int value(int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            byte b = buf[i];
            plain = b >= 0x20 && b != '&'; // not beyond ASCII, no entity, no tab or line break
        }
        byte[] bytes = plain ? null : decode(from, to).getBytes(StandardCharsets.UTF_8);
        int length = plain ? to - from : bytes.length;
        if (valuesLength + length > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesLength + length));
        }
        if (plain) {
            System.arraycopy(buf, from, values, valuesLength, length);
        } else {
            System.arraycopy(bytes, 0, values, valuesLength, length);
        }
        int start = valuesLength;
        valuesLength += length;
        return start;
    }

    /** The text of {@code buf[from, to)} as UTF-8 with XML's predefined entities and character references decoded. */
    private String decode(int from, int to) {
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

    /**
     * Skips the element whose start tag is at {@code pos}, named {@code name}, to past its end.
     * nmap does not nest an element in one of the same name, except tables in scripts, which
     * this is never asked to skip.
     */
    private void skipElement(byte[] name) throws IOException {
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
                    throw new Unsupported("a malformed end tag");
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

    // ---------------------------------------------------------------- document

    private HostIndex index(Path file) throws IOException {
        if (!prolog()) {
            return null;
        }
        long headerEnd = base + pos;
        List<long[]> others = new ArrayList<>();
        List<HostIndex.Entry> hosts = new ArrayList<>();
        while (true) {
            skipSpace();
            if (lookingAt("<!--")) {
                skipPast("-->");
                continue;
            }
            if (lookingAt("<?")) {
                skipPast("?>");
                continue;
            }
            if (lookingAt("</nmaprun")) {
                return idTwice(hosts) ? null : new HostIndex(file, headerEnd, others, hosts);
            }
            if (!lookingAt("<") || lookingAt("<!")) {
                return null; // text or CDATA at the top level: not nmap's
            }
            long start = base + pos;
            have(MARGIN);
            if (nameAt(pos + 1, HOST)) {
                HostIndex.Entry entry = host(start);
                if (entry == null) {
                    return null;
                }
                hosts.add(entry);
            } else {
                int from = pos + 1;
                int to = from;
                while (to < limit && !isSpace(buf[to]) && buf[to] != '>' && buf[to] != '/') {
                    to++;
                }
                if (to == limit) {
                    throw new Unsupported("a name longer than " + MARGIN + " bytes");
                }
                skipElement(Arrays.copyOfRange(buf, from, to));
                others.add(new long[] {start, base + pos});
            }
        }
    }

    /**
     * Returns whether two hosts have the same id; ndiff pairs such hosts in file order. Not done
     * host by host: a set that grows would hold up the compilation of the loop over hosts.
     */
    private static boolean idTwice(List<HostIndex.Entry> hosts) {
        Set<HostIndex.Key> ids = new HashSet<>(hosts.size() * 2);
        for (HostIndex.Entry host : hosts) {
            if (!ids.add(host.key())) {
                return true;
            }
        }
        return false;
    }

    /** Reads up to and past the start tag of {@code <nmaprun>}; false when the file is not one this scanner takes. */
    private boolean prolog() throws IOException {
        if (have(3) && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        if (have(2) && buf[pos] == 0x1f && (buf[pos + 1] & 0xff) == 0x8b) {
            return false; // gzip
        }
        while (true) {
            skipSpace();
            if (lookingAt("<?xml ")) {
                int end = quotedTagEnd();
                String declaration = new String(buf, pos, end - pos, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
                pos = end + 1;
                int enc = declaration.indexOf("encoding");
                if (enc >= 0 && !declaration.substring(enc).matches("encoding\\s*=\\s*[\"'](utf-8|us-ascii)[\"'][\\s\\S]*")) {
                    return false;
                }
            } else if (lookingAt("<?")) {
                skipPast("?>");
            } else if (lookingAt("<!--")) {
                skipPast("-->");
            } else if (lookingAt("<!DOCTYPE")) {
                int end = quotedTagEnd();
                boolean subset = false;
                for (int i = pos; i < end; i++) {
                    subset |= buf[i] == '[';
                }
                if (subset) {
                    return false; // an internal subset: for the careful reader to refuse
                }
                pos = end + 1;
            } else if (lookingAt("<nmaprun") && have(NMAPRUN.length + 2) && nameAt(pos + 1, NMAPRUN)) {
                int gt = tagEnd();
                if (attributes(gt, NO_NAMES, NO_RANGES)) {
                    return false;
                }
                pos = gt + 1;
                return true;
            } else {
                return false;
            }
        }
    }

    /**
     * Returns whether the tag at {@code pos} in a host may need more than a glance: an address,
     * a hostname, an element ndiff ignores, the host's end tag, a comment. Most tags (port,
     * state, service, cpe and their end tags) are told apart by a byte or two.
     */
    private boolean notable() {
        byte[] b = buf;
        int at = pos + 1;
        return switch (b[at]) {
            case '/' -> b[at + 1] == 'h'; // </host
            case 's' -> b[at + 1] == 'm'; // smurf, not state, service, script
            case 'p' -> b[at + 4] == 'u'; // portused, not port, ports
            case 'o' -> b[at + 1] == 's' && (b[at + 2] == 'c' || b[at + 2] == 'f'); // osclass, osfingerprint
            case 'a', 'h', 't', 'u', 'i', '!', '?' -> true;
            default -> false;
        };
    }

    /** The values of the addresses and names of the host being read, back to back. */
    private byte[] values = new byte[256];
    private int valuesLength;
    /** Per address: the rank of its type in ndiff's order, where its value starts, its length. */
    private int[] addresses = new int[6];
    private int addressCount;
    /** Per name: where its value starts, its length. */
    private int[] names = new int[4];
    private int nameCount;
    private final int[] ranges = new int[4];

    /** Reads the host whose start tag is at {@code pos}; returns its entry, or null when it has neither address nor name. */
    private HostIndex.Entry host(long start) throws IOException {
        int gt = tagEnd(); // ndiff reads no attribute of host
        if (attributes(gt, NO_NAMES, NO_RANGES)) {
            return null;
        }
        pos = gt + 1;
        hostStart = start;
        keptFrom = base + pos;
        keptCount = 0;
        valuesLength = 0;
        addressCount = 0;
        nameCount = 0;
        // the loop runs for every tag of every host: what most tags need is inline, the rest is in tag()
        while (true) {
            toNextTag();
            if (!notable()) {
                pos++;
            } else if (tag()) {
                break;
            }
        }
        long end = base + pos;
        if (end - start > Integer.MAX_VALUE) {
            throw new Unsupported("a host of more than 2 GB");
        }
        HostIndex.Key key = key();
        if (key == null) {
            return null; // neither address nor name: ndiff pairs such hosts in file order
        }
        return new HostIndex.Entry(key, start, end, Arrays.copyOf(kept, keptCount));
    }

    /** Ends the kept range that runs up to {@code pos}. */
    private void keepToHere() {
        long to = base + pos;
        if (to > keptFrom) {
            if (keptCount == kept.length) {
                kept = Arrays.copyOf(kept, kept.length * 2);
            }
            kept[keptCount++] = (int) (keptFrom - hostStart);
            kept[keptCount++] = (int) (to - hostStart);
        }
    }

    /** Takes the tag at {@code pos} in a host and moves past what it needs; returns true after the host's end tag. */
    private boolean tag() throws IOException {
        byte next = buf[pos + 1];
        if (next == '/') {
            if (!nameAt(pos + 1, HOST_END)) {
                pos += 2;
                return false;
            }
            keepToHere();
            pos += 1 + HOST_END.length;
            skipSpace();
            if (!have(1) || buf[pos] != '>') {
                throw new Unsupported("a malformed end tag");
            }
            pos++;
            return true;
        }
        if (next == '!') {
            if (!commentAt(pos)) {
                throw new Unsupported("CDATA in a host");
            }
            skip(null);
        } else if (next == '?') {
            throw new Unsupported("a processing instruction in a host");
        } else if (next == 'a' && nameAt(pos + 1, ADDRESS)) {
            attributes(tagEnd(), ADDRESS_ATTRIBUTES, ranges);
            address();
            pos++;
        } else if (next == 'h' && nameAt(pos + 1, HOSTNAME)) {
            attributes(tagEnd(), HOSTNAME_ATTRIBUTES, ranges);
            if (ranges[0] >= 0) {
                if (2 * nameCount == names.length) {
                    names = Arrays.copyOf(names, names.length * 2);
                }
                int start = value(ranges[0], ranges[1]);
                names[2 * nameCount] = start;
                names[2 * nameCount + 1] = valuesLength - start;
                nameCount++;
            }
            pos++;
        } else {
            byte[] ignored = volatileAt(pos + 1, next);
            if (ignored != null) {
                skip(ignored);
            } else {
                pos++; // a tag this scan takes no interest in; its attributes hold no '<'
            }
        }
        return false;
    }

    /** Leaves a comment ({@code element} null) or an ignored element at {@code pos} out of the kept bytes. */
    private void skip(byte[] element) throws IOException {
        keepToHere();
        if (element == null) {
            skipPast("-->");
        } else {
            skipElement(element);
        }
        keptFrom = base + pos;
    }

    /** Returns the name of the element ndiff ignores at {@code at}, whose first byte is {@code first}, or null. */
    private byte[] volatileAt(int at, byte first) {
        switch (first) {
            case 't' -> {
                for (byte[] name : VOLATILE_T) {
                    if (nameAt(at, name)) {
                        return name;
                    }
                }
                return null;
            }
            case 'o' -> {
                for (byte[] name : VOLATILE_O) {
                    if (nameAt(at, name)) {
                        return name;
                    }
                }
                return null;
            }
            case 'u' -> {
                return nameAt(at, UPTIME) ? UPTIME : null;
            }
            case 'i' -> {
                return nameAt(at, IPIDSEQUENCE) ? IPIDSEQUENCE : null;
            }
            case 's' -> {
                return nameAt(at, SMURF) ? SMURF : null;
            }
            case 'p' -> {
                return nameAt(at, PORTUSED) ? PORTUSED : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static final byte[][] ADDRESS_TYPES = {bytes("ipv4"), bytes("ipv6"), bytes("mac")};

    /** Takes the address whose attributes are in {@link #ranges}: its type's rank in ndiff's order, and its value. */
    private void address() {
        if (ranges[0] < 0) {
            throw new Unsupported("an address without addr");
        }
        int rank = 0; // no addrtype: IPv4, as nmap's DTD says
        if (ranges[2] >= 0) {
            rank = -1;
            for (int r = 0; r < ADDRESS_TYPES.length && rank < 0; r++) {
                if (Arrays.equals(buf, ranges[2], ranges[3], ADDRESS_TYPES[r], 0, ADDRESS_TYPES[r].length)) {
                    rank = r;
                }
            }
            if (rank < 0) {
                throw new Unsupported("an unknown address type");
            }
        }
        if (3 * addressCount == addresses.length) {
            addresses = Arrays.copyOf(addresses, addresses.length * 2);
        }
        int start = value(ranges[0], ranges[1]);
        addresses[3 * addressCount] = rank;
        addresses[3 * addressCount + 1] = start;
        addresses[3 * addressCount + 2] = valuesLength - start;
        addressCount++;
    }

    /**
     * The key of ndiff's id of the host read, or null when it has neither address nor name:
     * ndiff's id is the first address (by type, then text) padded to 40, then the first name.
     * UTF-8 orders as text does, code point by code point, so the bytes are compared as they are.
     */
    private HostIndex.Key key() {
        int best = -1;
        for (int i = 0; i < addressCount; i++) {
            if (best < 0 || addresses[3 * i] < addresses[3 * best] || addresses[3 * i] == addresses[3 * best]
                    && compare(addresses[3 * i + 1], addresses[3 * i + 2], addresses[3 * best + 1], addresses[3 * best + 2]) < 0) {
                best = i;
            }
        }
        int name = -1;
        for (int i = 0; i < nameCount; i++) {
            if (name < 0 || compare(names[2 * i], names[2 * i + 1], names[2 * name], names[2 * name + 1]) < 0) {
                name = i;
            }
        }
        if (best < 0 && name < 0) {
            return null;
        }
        int addressFrom = best < 0 ? 0 : addresses[3 * best + 1];
        int addressLength = best < 0 ? 0 : addresses[3 * best + 2];
        int nameFrom = name < 0 ? 0 : names[2 * name];
        int nameLength = name < 0 ? 0 : names[2 * name + 1];
        return HostIndex.Key.of(values, addressFrom, addressLength, nameFrom, nameLength);
    }

    private int compare(int from, int length, int otherFrom, int otherLength) {
        return Arrays.compareUnsigned(values, from, from + length, values, otherFrom, otherFrom + otherLength);
    }

}
