package io.github.nmapdiff.core.internal.xml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What one fast pass over an nmap XML file ({@link HostScanner}) keeps, per host, of what a
 * large diff needs: the host's ndiff id, a fingerprint of all that ndiff compares, and where its
 * element lies in the file; and where the other children of {@code <nmaprun>} lie. Two hosts
 * with the same fingerprint are equal to ndiff, so only hosts whose fingerprints differ need
 * reading in full.
 *
 * <p>Any file the pass cannot make sense of (cut short, gzipped, another encoding, a DTD with
 * declarations, hosts without address or name) makes {@link #build(Path)} return null: the
 * caller then reads the files the usual way, which reports errors properly.
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

    HostIndex(Path file, long headerEnd, List<long[]> otherElements, List<Entry> hosts) {
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
        return HostScanner.scan(file);
    }

    static long toLong(byte[] b, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }
}
