package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.internal.NdiffIgnores;
import java.io.ByteArrayInputStream;
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
import org.jspecify.annotations.Nullable;

/**
 * Indexes a file of nmap's own XML at the speed of reading bytes, without an XML parser: it
 * finds each child of {@code <nmaprun>}, and for a host takes its ndiff id from its address and
 * hostname attributes, and the byte ranges that decide what the host is: all of its content but
 * comments and the elements that change on every scan and that ndiff ignores
 * ({@link NdiffIgnores}). Two hosts whose kept bytes are the same parse to the same host, so they are
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
final class HostScanner extends ByteLexer {
    private static final byte[] NMAPRUN = bytes("nmaprun");
    private static final byte[] HOST = bytes("host");
    private static final byte[] HOST_END = bytes("/host");
    private static final byte[] ADDRESS = bytes("address");
    private static final byte[] HOSTNAME = bytes("hostname");

    /** {@link NdiffIgnores#HOST_ELEMENTS}, by their first byte. */
    private static final byte[][][] IGNORED = new byte[128][][];

    static {
        for (String name : NdiffIgnores.HOST_ELEMENTS) {
            byte[][] same = IGNORED[name.charAt(0)];
            byte[][] grown = same == null ? new byte[1][] : Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = bytes(name);
            IGNORED[name.charAt(0)] = grown;
        }
    }

    private static final String[] NO_NAMES = {};
    private static final int[] NO_RANGES = {};
    private static final String[] ADDRESS_ATTRIBUTES = {"addr", "addrtype"};
    private static final String[] HOSTNAME_ATTRIBUTES = {"name"};

    /** The default size of the buffer: small, so that refilling it is common enough for the JIT to expect it. */
    static final int BUFFER = 1 << 15;

    /** Where the host being read began in the file, and from where its bytes are kept. */
    private long hostStart;
    private long keptFrom;
    /** The kept ranges of the host being read, as offsets from its start: from, to, from, to... */
    private int[] kept = new int[8];
    private int keptCount;

    private HostScanner(InputStream in, int bufferSize) {
        super(in, bufferSize);
    }

    /** Indexes a file, or returns null when it is not plain nmap XML this scanner takes. */
    static @Nullable HostIndex scan(Path file) {
        return scan(file, BUFFER);
    }

    /** Indexes a file with a buffer of a given size (which grows for larger tags), for tests. */
    static @Nullable HostIndex scan(Path file, int bufferSize) {
        try (InputStream in = Files.newInputStream(file)) {
            return new HostScanner(in, bufferSize).index(file, null);
        } catch (IOException | RuntimeException e) { // UnsupportedXml among them
            return null;
        }
    }

    /** Indexes XML held in memory, or returns null when it is not plain nmap XML this scanner takes. */
    static @Nullable HostIndex scan(byte[] xml) {
        try (InputStream in = new ByteArrayInputStream(xml)) {
            return new HostScanner(in, BUFFER).index(null, xml);
        } catch (IOException | RuntimeException e) { // UnsupportedXml among them
            return null;
        }
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
        byte[] source = buf;
        int offset = from;
        int length = to - from;
        if (!plain) {
            source = XmlText.decode(buf, from, to).getBytes(StandardCharsets.UTF_8);
            offset = 0;
            length = source.length;
        }
        if (valuesLength + length > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesLength + length));
        }
        System.arraycopy(source, offset, values, valuesLength, length);
        int start = valuesLength;
        valuesLength += length;
        return start;
    }

    // ---------------------------------------------------------------- document

    private @Nullable HostIndex index(@Nullable Path file, byte @Nullable [] content) throws IOException {
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
                return idTwice(hosts) ? null : new HostIndex(file, content, headerEnd, others, hosts);
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
                    throw new UnsupportedXml("a name longer than " + MARGIN + " bytes");
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
     * state, service, cpe and their end tags) are told apart by a byte or two. A quick filter in
     * front of {@link #ignoredAt}: it must let every name of {@link NdiffIgnores#HOST_ELEMENTS}
     * through, which {@code HostScannerTest} checks against the table.
     */
    boolean notable() {
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
    private HostIndex.@Nullable Entry host(long start) throws IOException {
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
            throw new UnsupportedXml("a host of more than 2 GB");
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
                throw new UnsupportedXml("a malformed end tag");
            }
            pos++;
            return true;
        }
        if (next == '!') {
            if (!commentAt(pos)) {
                throw new UnsupportedXml("CDATA in a host");
            }
            skip(null);
        } else if (next == '?') {
            throw new UnsupportedXml("a processing instruction in a host");
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
            byte[] ignored = ignoredAt(pos + 1, next);
            if (ignored != null) {
                skip(ignored);
            } else {
                pos++; // a tag this scan takes no interest in; its attributes hold no '<'
            }
        }
        return false;
    }

    /** Leaves a comment ({@code element} null) or an ignored element at {@code pos} out of the kept bytes. */
    private void skip(byte @Nullable [] element) throws IOException {
        keepToHere();
        if (element == null) {
            skipPast("-->");
        } else {
            skipElement(element);
        }
        keptFrom = base + pos;
    }

    /** Returns the name of the element ndiff ignores at {@code at}, whose first byte is {@code first}, or null. */
    private byte @Nullable [] ignoredAt(int at, byte first) {
        byte[][] candidates = first >= 0 ? IGNORED[first] : null;
        if (candidates != null) {
            for (byte[] name : candidates) {
                if (nameAt(at, name)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static final byte[][] ADDRESS_TYPES = {bytes("ipv4"), bytes("ipv6"), bytes("mac")};

    /** Takes the address whose attributes are in {@link #ranges}: its type's rank in ndiff's order, and its value. */
    private void address() {
        if (ranges[0] < 0) {
            throw new UnsupportedXml("an address without addr");
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
                throw new UnsupportedXml("an unknown address type");
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
    private HostIndex.@Nullable Key key() {
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
