package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.internal.PyText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * One fast pass over an nmap XML file that keeps, per host, only what a large diff needs: the
 * host's ndiff id, a fingerprint of everything ndiff compares, and where its element lies in
 * the file; and where the other children of {@code <nmaprun>} lie. Two hosts with the same
 * fingerprint are equal to ndiff, so only hosts whose fingerprints differ need reading in full.
 *
 * <p>Any file this pass cannot make sense of (cut short, gzipped, hosts without address or
 * name, a host id twice) makes {@link #build(Path)} return null: the caller then reads the files
 * the usual way, which reports errors properly.
 */
public final class HostIndex {
    /** One host: its id, fingerprint, and byte range in the file. */
    public record Entry(String id, long hashHigh, long hashLow, long start, long end) {
        /** Returns whether two hosts are the same to ndiff (up to a 128-bit hash). */
        public boolean sameAs(Entry other) {
            return hashHigh == other.hashHigh && hashLow == other.hashLow;
        }
    }

    private final Path file;
    private final long headerEnd;
    private final List<long[]> otherElements;
    private final List<Entry> hosts;

    private HostIndex(Path file, long headerEnd, List<long[]> otherElements, List<Entry> hosts) {
        this.file = file;
        this.headerEnd = headerEnd;
        this.otherElements = otherElements;
        this.hosts = hosts;
    }

    /** Returns the hosts in file order. */
    public List<Entry> hosts() {
        return hosts;
    }

    /**
     * Returns a document with the file's header, every child of {@code <nmaprun>} that is not a
     * host, and the chosen hosts: the scan without the hosts that need no reading.
     *
     * @param chosen the hosts to keep, in file order
     * @return the XML bytes of that document
     */
    public byte[] document(List<Entry> chosen) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            copy(channel, 0, headerEnd, out);
            for (long[] range : otherElements) {
                copy(channel, range[0], range[1], out);
                out.write('\n');
            }
            for (Entry e : chosen) {
                copy(channel, e.start, e.end, out);
                out.write('\n');
            }
            out.write("</nmaprun>\n".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    private static void copy(java.nio.channels.FileChannel channel, long from, long to, java.io.ByteArrayOutputStream out)
            throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (to - from));
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("the file changed while it was read");
            }
            position += n;
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    /**
     * Indexes a file.
     *
     * @param file a plain (not gzipped) nmap XML file
     * @return the index, or null when the file needs the usual, careful reading
     */
    public static HostIndex build(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(2);
            if (in.read() == 0x1f) {
                return null; // gzip: byte offsets would not be the file's
            }
            in.reset();
            XMLStreamReader2 xml = (XMLStreamReader2) SafeXml.fastInputFactory().createXMLStreamReader(in);
            try {
                return index(file, xml);
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private static HostIndex index(Path file, XMLStreamReader2 xml) throws XMLStreamException {
        while (xml.next() != XMLStreamConstants.START_ELEMENT) {
            int event = xml.getEventType();
            if (event == XMLStreamConstants.END_DOCUMENT || event == XMLStreamConstants.ENTITY_REFERENCE
                    || event == XMLStreamConstants.DTD && xml.getText().contains("<!ENTITY")) {
                return null; // entities are for the careful reader to refuse
            }
        }
        if (!xml.getLocalName().equals("nmaprun")) {
            return null;
        }
        long headerEnd = xml.getLocationInfo().getEndingByteOffset();
        List<long[]> others = new ArrayList<>();
        List<Entry> hosts = new ArrayList<>();
        Fingerprint fingerprint = new Fingerprint();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                long start = xml.getLocationInfo().getStartingByteOffset();
                if (xml.getLocalName().equals("host")) {
                    String id = fingerprint.host(xml);
                    if (id == null) {
                        return null;
                    }
                    long end = xml.getLocationInfo().getEndingByteOffset();
                    byte[] hash = fingerprint.hash();
                    hosts.add(new Entry(id, toLong(hash, 0), toLong(hash, 8), start, end));
                } else {
                    Elements.skipRest(xml);
                    others.add(new long[] {start, xml.getLocationInfo().getEndingByteOffset()});
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new HostIndex(file, headerEnd, others, hosts); // </nmaprun>
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.END_DOCUMENT) {
                return null;
            }
        }
    }

    private static long toLong(byte[] b, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    /**
     * The fingerprint of a host: everything ndiff compares, in a canonical order (addresses and
     * names as sets, ports by key with the last listing winning, scripts by id and output,
     * extraports and OS matches in file order), hashed with SHA-256, so that no banner can be
     * made to hide a change behind a colliding fingerprint. Reused from host to host.
     */
    private static final class Fingerprint {
        private static final Comparator<String[]> SCRIPT_ORDER = (x, y) -> {
            int c = PyText.compare(x[0], y[0]);
            return c != 0 ? c : PyText.compare(x[1], y[1]);
        };
        private static final Comparator<String[]> ADDRESS_ORDER = (x, y) -> {
            int c = x[0].compareTo(y[0]);
            return c != 0 ? c : PyText.compare(x[1], y[1]);
        };

        private final MessageDigest sha;
        private byte[] buffer = new byte[4096];
        private int length;
        private String state;
        private final List<String[]> addresses = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final TreeMap<Long, String[]> ports = new TreeMap<>();
        private final Map<Long, List<String[]>> portScripts = new HashMap<>();
        private final LinkedHashMap<String, String> extraPorts = new LinkedHashMap<>();
        private final List<String> os = new ArrayList<>();
        private final List<String[]> scripts = new ArrayList<>();

        Fingerprint() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }

        /** Reads one host element; returns its ndiff id, or null when this pass cannot take it. */
        String host(XMLStreamReader2 xml) throws XMLStreamException {
            state = null;
            addresses.clear();
            names.clear();
            ports.clear();
            portScripts.clear();
            extraPorts.clear();
            os.clear();
            scripts.clear();
            int depth = 1;
            Long port = null;
            int portDepth = -1;
            int osDepth = -1;
            int hostScriptDepth = -1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    switch (xml.getLocalName()) {
                        case "status" -> state = attr(xml, "state");
                        case "address" -> {
                            String type = attr(xml, "addrtype");
                            String rank = type == null || type.equals("ipv4") ? "0" : type.equals("ipv6") ? "1" : type.equals("mac") ? "2" : null;
                            if (rank == null) {
                                return null;
                            }
                            String[] address = {rank, attr(xml, "addr")};
                            if (address[1] == null) {
                                return null;
                            }
                            boolean known = false;
                            for (String[] a : addresses) {
                                known |= a[0].equals(address[0]) && a[1].equals(address[1]);
                            }
                            if (!known) {
                                addresses.add(address);
                            }
                        }
                        case "hostname" -> {
                            String n = attr(xml, "name");
                            if (n != null && !names.contains(n)) {
                                names.add(n);
                            }
                        }
                        case "extraports" -> extraPorts.put(attr(xml, "state"), attr(xml, "count"));
                        case "port" -> {
                            port = portKey(attr(xml, "portid"), attr(xml, "protocol"));
                            if (port == null) {
                                return null;
                            }
                            portDepth = depth;
                            ports.put(port, new String[6]);
                            portScripts.put(port, new ArrayList<>(1));
                        }
                        case "state" -> {
                            if (port != null) {
                                ports.get(port)[0] = attr(xml, "state");
                            }
                        }
                        case "service" -> {
                            if (port != null) {
                                String[] p = ports.get(port);
                                p[1] = attr(xml, "name");
                                p[2] = attr(xml, "product");
                                p[3] = attr(xml, "version");
                                p[4] = attr(xml, "extrainfo");
                                p[5] = attr(xml, "tunnel");
                            }
                        }
                        case "os" -> osDepth = depth;
                        case "osmatch" -> {
                            if (depth == osDepth + 1) {
                                os.add(attr(xml, "name"));
                            }
                        }
                        case "hostscript" -> hostScriptDepth = depth;
                        case "script" -> {
                            String[] result = {attr(xml, "id"), attr(xml, "output")};
                            if (port != null && depth == portDepth + 1) {
                                portScripts.get(port).add(result);
                            } else if (depth == hostScriptDepth + 1) {
                                scripts.add(result);
                            }
                        }
                        default -> {
                            // not compared by ndiff
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == portDepth) {
                        port = null;
                        portDepth = -1;
                    } else if (depth == osDepth) {
                        osDepth = -1;
                    } else if (depth == hostScriptDepth) {
                        hostScriptDepth = -1;
                    }
                    depth--;
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("entity reference");
                }
            }
            return id();
        }

        /** Ports sort by number, then protocol name: ip, sctp, tcp, udp. */
        private static Long portKey(String portid, String protocol) {
            if (portid == null || protocol == null) {
                return null;
            }
            int rank = switch (protocol) {
                case "ip" -> 0;
                case "sctp" -> 1;
                case "tcp" -> 2;
                case "udp" -> 3;
                default -> -1;
            };
            try {
                return rank < 0 ? null : Long.parseLong(portid.strip()) * 4 + rank;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String attr(XMLStreamReader2 xml, String name) {
            return xml.getAttributeValue(null, name);
        }

        private String id() {
            String first = null;
            if (!addresses.isEmpty()) {
                addresses.sort(ADDRESS_ORDER);
                first = PyText.ljust(addresses.get(0)[1], 40);
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

        byte[] hash() {
            length = 0;
            put(state);
            for (String[] a : addresses) { // sorted by id()
                put(a[0]);
                put(a[1]);
            }
            put("|");
            names.sort(null);
            names.forEach(this::put);
            put("|");
            for (Map.Entry<Long, String[]> e : ports.entrySet()) {
                put(Long.toString(e.getKey()));
                for (String field : e.getValue()) {
                    put(field);
                }
                List<String[]> s = portScripts.get(e.getKey());
                if (s.size() > 1) {
                    s.sort(SCRIPT_ORDER);
                }
                for (String[] r : s) {
                    put(r[0]);
                    put(r[1]);
                }
                put("|");
            }
            put("|");
            for (Map.Entry<String, String> e : extraPorts.entrySet()) {
                put(e.getKey());
                put(e.getValue());
            }
            put("|");
            os.forEach(this::put);
            put("|");
            scripts.sort(SCRIPT_ORDER);
            for (String[] r : scripts) {
                put(r[0]);
                put(r[1]);
            }
            sha.reset();
            sha.update(buffer, 0, length);
            return sha.digest();
        }

        /**
         * Appends a value and a separator, so that no two sequences of values give the same
         * bytes: an ASCII character as itself; any other as 0xFE and its two bytes; null as
         * 0xFF; then 0x00, which no XML character gives.
         */
        private void put(String value) {
            ensure(value == null ? 2 : 3 * value.length() + 1);
            if (value == null) {
                buffer[length++] = (byte) 0xFF;
            } else {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c < 0x80) {
                        buffer[length++] = (byte) c;
                    } else {
                        buffer[length++] = (byte) 0xFE;
                        buffer[length++] = (byte) (c >> 8);
                        buffer[length++] = (byte) c;
                    }
                }
            }
            buffer[length++] = 0;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
