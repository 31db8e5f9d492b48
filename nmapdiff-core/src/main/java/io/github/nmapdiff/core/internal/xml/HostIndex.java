package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.internal.PyText;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one fast pass over an nmap XML file ({@link HostScanner}) keeps, per host, of what a
 * large diff needs: the host's ndiff id, where its element lies in the file and which of its
 * bytes decide what it is to ndiff; and where the other children of {@code <nmaprun>} lie. Two
 * hosts whose kept bytes are the same are equal to ndiff ({@link #same}), so only the other
 * hosts need reading in full.
 *
 * <p>Any file the pass cannot make sense of (cut short, gzipped, another encoding, a DTD with
 * declarations, hosts without address or name, an id twice) makes {@link #build(Path)} return
 * null: the caller then reads the files the usual way, which reports errors properly.
 */
public final class HostIndex {
    /**
     * A host's ndiff id in a form that is cheap to make and to compare: equal keys, equal ids.
     * ndiff's id is the first address padded with spaces to 40 characters, then the first
     * name; the key is the address's UTF-8, a NUL (which XML cannot hold), the name's UTF-8.
     * An address of 40 characters or more is not padded, so the key is then the id itself,
     * which holds no NUL: keys of the two forms never meet, as their ids never do.
     */
    public static final class Key {
        private static final int PADDED = 40;

        private final byte[] bytes;
        private final int hash;

        private Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        /** Makes the key of an address and a name, both UTF-8 in {@code values}. */
        static Key of(byte[] values, int addressFrom, int addressLength, int nameFrom, int nameLength) {
            int characters = 0;
            for (int i = addressFrom; i < addressFrom + addressLength; i++) {
                if ((values[i] & 0xC0) != 0x80) {
                    characters++;
                }
            }
            if (characters >= PADDED) {
                String id = new String(values, addressFrom, addressLength, StandardCharsets.UTF_8)
                        + new String(values, nameFrom, nameLength, StandardCharsets.UTF_8);
                return new Key(id.getBytes(StandardCharsets.UTF_8));
            }
            byte[] bytes = new byte[addressLength + 1 + nameLength];
            System.arraycopy(values, addressFrom, bytes, 0, addressLength);
            System.arraycopy(values, nameFrom, bytes, addressLength + 1, nameLength);
            return new Key(bytes);
        }

        /** Returns ndiff's id. */
        public String ndiffId() {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    String address = new String(bytes, 0, i, StandardCharsets.UTF_8);
                    return PyText.ljust(address, PADDED) + new String(bytes, i + 1, bytes.length - i - 1, StandardCharsets.UTF_8);
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return ndiffId();
        }
    }

    /** One host: its id, its byte range in the file, and the ranges within it that are kept. */
    public static final class Entry {
        private final Key key;
        private final long start;
        private final long end;
        private final int[] kept; // offsets from start: from, to, from, to...
        private final long keptLength;

        Entry(Key key, long start, long end, int[] kept) {
            this.key = key;
            this.start = start;
            this.end = end;
            this.kept = kept;
            long length = 0;
            for (int i = 0; i < kept.length; i += 2) {
                length += kept[i + 1] - kept[i];
            }
            this.keptLength = length;
        }

        /** Returns the key of the host's ndiff id. */
        public Key key() {
            return key;
        }

        /** Returns the host's ndiff id. */
        public String id() {
            return key.ndiffId();
        }

        /** Returns the offset of the host's start tag in the file. */
        public long start() {
            return start;
        }

        /** Returns the offset just past the host's end tag. */
        public long end() {
            return end;
        }

        /** Returns the kept ranges, as offsets from the start: from, to, from, to... */
        int[] kept() {
            return kept.clone();
        }
    }

    // one of the two: the file indexed, or the document in memory
    private final @Nullable Path file;
    private final byte @Nullable [] content;
    private final long headerEnd;
    private final List<long[]> otherElements;
    private final List<Entry> hosts;

    HostIndex(@Nullable Path file, byte @Nullable [] content, long headerEnd, List<long[]> otherElements, List<Entry> hosts) {
        this.file = file;
        this.content = content;
        this.headerEnd = headerEnd;
        this.otherElements = otherElements;
        this.hosts = hosts;
    }

    /** Returns the hosts in file order. */
    public List<Entry> hosts() {
        return hosts;
    }

    /**
     * Indexes a file.
     *
     * @param file a plain (not gzipped) nmap XML file
     * @return the index, or null when the file needs the usual, careful reading
     */
    public static @Nullable HostIndex build(Path file) {
        Object key = key(file);
        synchronized (RECENT) {
            for (Recent r : RECENT) {
                HostIndex cached = r.index.get();
                if (cached != null && r.key.equals(key)) {
                    return cached;
                }
            }
        }
        HostIndex index = HostScanner.scan(file);
        if (index != null && key != null) {
            synchronized (RECENT) {
                RECENT.addFirst(new Recent(key, new SoftReference<>(index)));
                while (RECENT.size() > 2) {
                    RECENT.removeLast();
                }
            }
        }
        return index;
    }

    /**
     * The indexes built last, by file: the nightly job reads its new scan twice (for ndiff's diff,
     * and for the memory), and a snapshot's file does not change. Held softly, so that they never
     * keep memory the JVM needs; known by the file's path, size and time of change.
     */
    private static final ArrayDeque<Recent> RECENT = new ArrayDeque<>();

    private record Recent(Object key, SoftReference<HostIndex> index) {
    }

    private static @Nullable Object key(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file,
                    BasicFileAttributes.class);
            return file.toAbsolutePath().normalize() + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().toMillis()
                    + "\u0000" + a.fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Indexes XML held in memory.
     *
     * @param xml a plain (not gzipped) nmap XML document, not to be modified while the index is used
     * @return the index, or null when the document needs the usual, careful reading
     */
    public static @Nullable HostIndex build(byte[] xml) {
        return HostScanner.scan(xml);
    }

    /**
     * Returns a digest of the bytes of a host that matter to ndiff: two hosts with the same
     * digest are the same to ndiff (and to the job's memory, which reads nothing ndiff ignores).
     *
     * @param bytes the reader of this index's file
     * @param host one of its hosts
     * @return 32 hexadecimal digits (the first half of a SHA-256)
     */
    public static String digest(Bytes bytes, Entry host) throws IOException {
        int base = bytes.window(host.start, host.end);
        MessageDigest sha = bytes.sha();
        for (int i = 0; i < host.kept.length; i += 2) {
            sha.update(bytes.buf, base + host.kept[i], host.kept[i + 1] - host.kept[i]);
        }
        byte[] d = sha.digest();
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xF, 16);
            hex[2 * i + 1] = Character.forDigit(d[i] & 0xF, 16);
        }
        return new String(hex);
    }

    /**
     * Returns a document with the file's header, every child of {@code <nmaprun>} that is not a
     * host, and the chosen hosts: the scan without the hosts that need no reading.
     *
     * @param chosen the hosts to keep, in file order
     * @return the XML bytes of that document
     */
    public byte[] document(List<Entry> chosen) throws IOException {
        try (Bytes bytes = bytes()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            bytes.copy(0, headerEnd, out);
            for (long[] range : otherElements) {
                bytes.copy(range[0], range[1], out);
                out.write('\n');
            }
            for (Entry e : chosen) {
                bytes.copy(e.start, e.end, out);
                out.write('\n');
            }
            out.write("</nmaprun>\n".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    /**
     * Opens the indexed file to read the bytes of its hosts.
     *
     * @return the open reader; the caller closes it
     */
    public Bytes bytes() throws IOException {
        return content != null ? new Bytes(content) : new Bytes(FileChannel.open(Objects.requireNonNull(file)));
    }

    /**
     * Returns whether two hosts are the same to ndiff: whether their kept bytes are.
     *
     * @param x the reader of the first host's file
     * @param a the first host
     * @param y the reader of the second host's file, not {@code x}
     * @param b the second host
     */
    public static boolean same(Bytes x, Entry a, Bytes y, Entry b) throws IOException {
        if (a.keptLength != b.keptLength) {
            return false;
        }
        int baseA = x.window(a.start, a.end);
        int baseB = y.window(b.start, b.end);
        int[] ka = a.kept;
        int[] kb = b.kept;
        // the kept ranges of the two hosts need not break at the same places: walk both
        int ia = 0;
        int ib = 0;
        int pa = ka.length == 0 ? 0 : ka[0];
        int pb = kb.length == 0 ? 0 : kb[0];
        while (ia < ka.length) {
            int n = Math.min(ka[ia + 1] - pa, kb[ib + 1] - pb);
            if (Arrays.mismatch(x.buf, baseA + pa, baseA + pa + n, y.buf, baseB + pb, baseB + pb + n) >= 0) {
                return false;
            }
            pa += n;
            pb += n;
            if (pa == ka[ia + 1] && (ia += 2) < ka.length) {
                pa = ka[ia];
            }
            if (pb == kb[ib + 1] && (ib += 2) < kb.length) {
                pb = kb[ib];
            }
        }
        return true;
    }

    /**
     * Reads ranges of a file through a buffer that holds the most recent stretch read, so that
     * ranges asked for in file order read the file once.
     */
    public static final class Bytes implements Closeable {
        private final @Nullable FileChannel channel;
        private @Nullable MessageDigest sha;

        /** One digest for all the hosts this reader reads: {@link MessageDigest#digest()} resets it. */
        MessageDigest sha() {
            if (sha == null) {
                try {
                    sha = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("every Java has SHA-256", e);
                }
            }
            return sha;
        }
        private byte[] buf = new byte[1 << 18];
        private long bufStart = -1;
        private int bufLength;

        private Bytes(FileChannel channel) {
            this.channel = channel;
        }

        /** Reads XML held in memory: the whole of it is the window. */
        private Bytes(byte[] content) {
            this.channel = null;
            this.buf = content;
            this.bufStart = 0;
            this.bufLength = content.length;
        }

        /** Makes {@code [from, to)} of the file available in {@code buf}; returns the index of {@code from} in it. */
        int window(long from, long to) throws IOException {
            if (channel == null) {
                if (to > bufLength) {
                    throw new IOException("a range beyond the document");
                }
                return (int) from;
            }
            if (bufStart >= 0 && from >= bufStart && to <= bufStart + bufLength) {
                return (int) (from - bufStart);
            }
            int need = Math.toIntExact(to - from);
            if (need > buf.length) {
                buf = new byte[Math.max(need, buf.length * 2)];
            }
            ByteBuffer target = ByteBuffer.wrap(buf);
            long position = from;
            while (target.position() < need) {
                int n = channel.read(target, position);
                if (n < 0) {
                    bufStart = -1;
                    throw new IOException("the file changed while it was read");
                }
                position += n;
            }
            bufStart = from;
            bufLength = target.position();
            return 0;
        }

        void copy(long from, long to, ByteArrayOutputStream out) throws IOException {
            int offset = window(from, to);
            out.write(buf, offset, (int) (to - from));
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
