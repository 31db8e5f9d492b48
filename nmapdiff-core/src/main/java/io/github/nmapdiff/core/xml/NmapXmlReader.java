package io.github.nmapdiff.core.xml;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.internal.xml.HostIndex;
import io.github.nmapdiff.core.internal.xml.StaxScanStream;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads nmap's XML output ({@code nmap -oX}), from nmap 4.x to 7.9x, into the model.
 *
 * <p>{@link #read(Path)} reads a whole file; {@link #open(Path)} hands over one host at a time
 * for files too large to hold. Files compressed with gzip are read as they are.
 *
 * <p>Reading is safe with hostile files: no DTD is read and no entity expanded, so a file can
 * neither make the reader fetch a local file or a URL nor blow up in memory. A file cut short
 * (nmap stopped mid-scan) gives the hosts that were complete and a scan marked incomplete; a
 * file that is broken in any other way gives a {@link MalformedScanException}
 * that names the file, line and column.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NmapXmlReader {

    /** Creates a reader. */
    public NmapXmlReader() {
    }

    /**
     * Sets up the XML binding and the reading machinery now rather than at the first read,
     * which takes a few hundred milliseconds once per process; for programs that can do it
     * while busy with something else. Any number of threads may call it: the work is done once,
     * and a call made while it runs waits for it.
     */
    public static void prepare() {
        WarmUp.done();
    }

    /** Reads a small scan of the elements nmap writes most, once, when the class is initialised. */
    private static final class WarmUp {
        private static final int HOSTS = readSample();

        static int done() {
            return HOSTS;
        }

        private static int readSample() {
            StaxScanStream.prepare();
            InputStream in = NmapXmlReader.class.getResourceAsStream("warm-up.xml");
            if (in == null) {
                return 0; // a repackaged jar without it: the first read does the rest of the work
            }
            return new NmapXmlReader().read(in, "warm-up.xml").hosts().size();
        }
    }

    /**
     * Reads a whole scan file.
     *
     * @param file the file, never null
     * @return the scan, never null
     * @throws MalformedScanException when the file is not nmap XML
     * @throws ScanIoException when the file cannot be read
     */
    public Scan read(Path file) {
        try (ScanStream stream = open(file)) {
            return readAll(stream);
        }
    }

    /**
     * Reads a whole scan from a stream, and closes it.
     *
     * @param in the XML, never null
     * @param sourceName the name of the input in error messages, never null
     * @return the scan, never null
     */
    public Scan read(InputStream in, String sourceName) {
        try (ScanStream stream = open(in, sourceName)) {
            return readAll(stream);
        }
    }

    private static Scan readAll(ScanStream stream) {
        List<Host> hosts = new ArrayList<>();
        stream.forEachRemaining(hosts::add);
        return stream.scan().withHosts(hosts);
    }

    /**
     * Reads what a scan is without its hosts: its header and how many hosts it holds. A plain
     * file is read by a pass over its bytes that reads no host; any other (gzipped, cut short)
     * one host at a time, in memory that does not grow with the number of hosts.
     *
     * @param file the file, never null
     * @return the summary, never null
     * @throws MalformedScanException when the file is not well-formed nmap XML
     * @throws ScanIoException when it cannot be read
     */
    public ScanSummary summarize(Path file) {
        Objects.requireNonNull(file, "file");
        HostIndex index = HostIndex.build(file);
        if (index != null) {
            try {
                return ScanSummary.of(read(new ByteArrayInputStream(index.document(List.of())), file.toString()),
                        index.hosts().size());
            } catch (IOException | MalformedScanException e) {
                // read the usual way below, which says where the problem is
            }
        }
        try (ScanStream stream = open(file)) {
            int hosts = 0;
            while (stream.hasNext()) {
                stream.next();
                hosts++;
            }
            return ScanSummary.of(stream.scan(), hosts);
        }
    }

    /**
     * Reads what a scan is without its hosts, as {@link #summarize(Path)} does, from XML held in memory.
     *
     * @param xml the XML, plain or gzip-compressed, never null
     * @param sourceName the name of the input in error messages, never null
     * @return the summary, never null
     * @throws MalformedScanException when the XML is not well-formed nmap XML
     */
    public ScanSummary summarize(byte[] xml, String sourceName) {
        HostIndex index = HostIndex.build(xml);
        if (index != null) {
            try {
                return ScanSummary.of(read(new ByteArrayInputStream(index.document(List.of())), sourceName),
                        index.hosts().size());
            } catch (IOException | MalformedScanException e) {
                // read the usual way below, which says where the problem is
            }
        }
        try (ScanStream stream = open(new ByteArrayInputStream(xml), sourceName)) {
            int hosts = 0;
            while (stream.hasNext()) {
                stream.next();
                hosts++;
            }
            return ScanSummary.of(stream.scan(), hosts);
        }
    }

    /**
     * Opens a scan file to read its hosts one at a time.
     *
     * @param file the file, never null
     * @return the open stream, never null; the caller closes it
     * @throws MalformedScanException when the file does not start as nmap XML
     * @throws ScanIoException when the file cannot be read
     */
    public ScanStream open(Path file) {
        Objects.requireNonNull(file, "file");
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ScanIoException("no such file: " + file, e);
        } catch (IOException e) {
            throw new ScanIoException("cannot open " + file + ": " + e, e);
        }
        return open(in, file.toString());
    }

    /**
     * Opens a stream of nmap XML to read its hosts one at a time.
     *
     * @param in the XML, plain or gzip-compressed, never null; closed with the returned stream
     * @param sourceName the name of the input in error messages, never null
     * @return the open stream, never null; the caller closes it
     */
    public ScanStream open(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return new Stream(new StaxScanStream(decompressed(new BufferedInputStream(in, 1 << 16)), sourceName));
        } catch (IOException e) {
            closeQuietly(in);
            throw new ScanIoException("cannot read " + sourceName + ": " + e, e);
        }
    }

    private static InputStream decompressed(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read already failed; that failure is the one to report
        }
    }

    /** The reader's stream, as the API gives it. */
    private static final class Stream implements ScanStream {
        private final StaxScanStream stax;

        Stream(StaxScanStream stax) {
            this.stax = stax;
        }

        @Override
        public boolean hasNext() {
            return stax.hasNext();
        }

        @Override
        public Host next() {
            return stax.next();
        }

        @Override
        public Scan scan() {
            return stax.scan();
        }

        @Override
        public void close() {
            stax.close();
        }
    }
}
