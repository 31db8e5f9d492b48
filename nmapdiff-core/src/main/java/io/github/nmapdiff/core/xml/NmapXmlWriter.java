package io.github.nmapdiff.core.xml;

import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.internal.xml.ModelToXml;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a scan as nmap XML (format 1.05), in nmap's element order, so that nmap's own tools
 * read it: reading the written file with {@link NmapXmlReader} gives an equal scan, and
 * {@code ndiff} finds no difference between it and the file it was read from.
 *
 * <p>Strings that XML 1.0 cannot hold (control characters other than tab, line feed and
 * carriage return) are refused with an {@link IllegalArgumentException}; nmap escapes such
 * characters itself, so its scans never hold them. Instances are immutable and thread-safe.
 */
public final class NmapXmlWriter {

    /** Creates a writer. */
    public NmapXmlWriter() {
    }

    /**
     * Writes a scan to a stream, in UTF-8, and flushes it; the stream stays open.
     *
     * @param scan the scan, never null
     * @param out where the XML goes, never null
     * @throws ScanIoException when writing fails
     */
    public void write(Scan scan, OutputStream out) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(out, "out");
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            new ModelToXml(writer).scan(scan);
            writer.flush();
        } catch (IOException e) {
            throw new ScanIoException("cannot write the scan: " + e.getMessage(), e);
        }
    }

    /**
     * Starts writing a scan host by host, for scans too large to hold: the header (everything
     * of {@code header} but its hosts) at once, each host as it comes, and the rest at
     * {@link HostWriter#finish(Scan)}.
     *
     * @param header the scan whose header to write; its hosts are ignored; never null
     * @param out where the XML goes, never null; left open
     * @return the writer of hosts, never null
     */
    public HostWriter open(Scan header, OutputStream out) {
        Objects.requireNonNull(header, "header");
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ModelToXml xml = new ModelToXml(writer);
        try {
            xml.header(header);
        } catch (IOException e) {
            throw new ScanIoException("cannot write the scan: " + e.getMessage(), e);
        }
        return new HostWriter(xml, writer);
    }

    /** Writes hosts one at a time; not thread-safe. */
    public static final class HostWriter {
        private final ModelToXml xml;
        private final Writer writer;

        private HostWriter(ModelToXml xml, Writer writer) {
            this.xml = xml;
            this.writer = writer;
        }

        /** Writes one host. */
        public void host(Host host) {
            try {
                xml.host(host);
            } catch (IOException e) {
                throw new ScanIoException("cannot write the scan: " + e.getMessage(), e);
            }
        }

        /** Writes what follows the hosts (post-scan scripts, run statistics) and flushes. */
        public void finish(Scan trailer) {
            try {
                xml.trailer(trailer);
                writer.flush();
            } catch (IOException e) {
                throw new ScanIoException("cannot write the scan: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes a scan to a file, replacing it.
     *
     * @param scan the scan, never null
     * @param file the file, never null
     * @throws ScanIoException when writing fails, naming the file
     */
    public void write(Scan scan, Path file) {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(scan, out);
        } catch (IOException e) {
            throw new ScanIoException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (ScanIoException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new ScanIoException("cannot write " + file + ": " + cause.getMessage(), cause);
        }
    }
}
