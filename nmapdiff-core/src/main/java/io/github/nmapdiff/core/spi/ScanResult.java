package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.core.xml.ScanSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a scan gave: the scan, the exact XML the engine wrote, and how the run ended.
 * Immutable; an engine makes one with {@link #builder(Scan, byte[])}, so that later versions
 * can add to it without breaking any engine.
 */
public final class ScanResult {

    /** How a run ended. */
    public enum Outcome {
        /** The engine finished the scan. */
        COMPLETED,
        /** The time limit ran out; the result holds the hosts completed by then. */
        TIMED_OUT,
        /** The scan was cancelled; the result holds the hosts completed by then. */
        CANCELLED
    }

    private final @Nullable Supplier<Scan> reading;
    private @Nullable Scan scan;
    private final ScanSummary summary;
    private final byte @Nullable [] xml;
    private final @Nullable Path xmlFile;
    private final List<String> commandLine;
    private final Outcome outcome;
    private final List<String> warnings;

    private ScanResult(Builder b) {
        this.scan = b.scan;
        this.reading = b.reading;
        ScanSummary given = b.summary;
        this.summary = given != null ? given : ScanSummary.of(Objects.requireNonNull(b.scan, "scan"));
        this.xml = b.xml;
        this.xmlFile = b.xmlFile;
        this.commandLine = List.copyOf(b.commandLine);
        this.outcome = b.outcome;
        this.warnings = List.copyOf(b.warnings);
    }

    /**
     * Starts a result: completed, no command line, no warnings.
     *
     * @param scan the scan; incomplete when the run timed out, was cancelled, or the engine stopped early; never null
     * @param xml the bytes of the XML exactly as the engine wrote them; never null, not to be modified afterwards
     * @return the builder, never null
     */
    public static Builder builder(Scan scan, byte[] xml) {
        return new Builder(Objects.requireNonNull(scan, "scan"), null, null, Objects.requireNonNull(xml, "xml"));
    }

    /**
     * Starts a result of a scan that is read from its XML only when {@link #scan()} is asked for:
     * a large scan is then never held whole. Completed, no command line, no warnings.
     *
     * @param xml the bytes of the XML exactly as the engine wrote them; never null, not to be modified afterwards
     * @param summary what the scan is without its hosts (whether it is complete, how many hosts); never null
     * @return the builder, never null
     */
    public static Builder builder(byte[] xml, ScanSummary summary) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(summary, "summary");
        return new Builder(null, summary, () -> {
            Scan read = new NmapXmlReader().read(new ByteArrayInputStream(xml), "the scan");
            return summary.complete() || !read.complete() ? read : read.asIncomplete();
        }, xml);
    }

    /**
     * Starts a result whose XML stays in a file until it is kept: a large scan is then never
     * held in memory, and {@link #xml()} reads the file each time it is asked for. The file must
     * stay until the run's {@link ScanRun#kept()}. Completed, no command line, no warnings.
     *
     * @param xmlFile the file of the XML exactly as the engine wrote it; never null
     * @param summary what the scan is without its hosts; never null
     * @return the builder, never null
     */
    public static Builder builder(Path xmlFile, ScanSummary summary) {
        Objects.requireNonNull(xmlFile, "xmlFile");
        Objects.requireNonNull(summary, "summary");
        Builder b = new Builder(null, summary, () -> {
            Scan read = new NmapXmlReader().read(xmlFile);
            return summary.complete() || !read.complete() ? read : read.asIncomplete();
        }, null);
        b.xmlFile = xmlFile;
        return b;
    }

    /** Returns the file the XML is in, when the engine left it in one; empty when the result holds the bytes. */
    public Optional<Path> xmlFile() {
        return Optional.ofNullable(xmlFile);
    }

    /** Returns the size of the XML in bytes, without reading it. */
    public long xmlSize() {
        if (xml != null) {
            return xml.length;
        }
        try {
            return Files.size(xmlFile);
        } catch (IOException e) {
            throw new ScanIoException("cannot read " + xmlFile + ": " + e.getMessage(), e);
        }
    }

    /** Returns the scan, read from its XML the first time when the result was made so; never null. */
    public synchronized Scan scan() {
        Scan s = scan;
        if (s == null) {
            s = Objects.requireNonNull(reading, "reading").get();
            scan = s;
        }
        return s;
    }

    /** Returns what the scan is without its hosts: whether it is complete, how many hosts it holds; never null. */
    public ScanSummary summary() {
        return summary;
    }

    /**
     * Returns the bytes of the XML exactly as the engine wrote them; never null, not to be
     * modified. For a result whose XML is in a file, the file is read each time: ask for
     * {@link #xmlFile()} first.
     */
    public byte[] xml() {
        if (xml != null) {
            return xml;
        }
        try {
            return Files.readAllBytes(xmlFile);
        } catch (IOException e) {
            throw new ScanIoException("cannot read " + xmlFile + ": " + e.getMessage(), e);
        }
    }

    /** Returns the command that ran, one argument per element; never null. */
    public List<String> commandLine() {
        return commandLine;
    }

    /** Returns how the run ended; never null. */
    public Outcome outcome() {
        return outcome;
    }

    /** Returns what the engine warned of, such as targets that did not resolve; never null. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "ScanResult[" + outcome + ", " + summary.hosts() + " hosts, " + warnings.size() + " warnings]";
    }

    /** Builds a {@link ScanResult}; not thread-safe. */
    public static final class Builder {
        private final @Nullable Scan scan;
        private final @Nullable ScanSummary summary;
        private final @Nullable Supplier<Scan> reading;
        private final byte @Nullable [] xml;
        private @Nullable Path xmlFile;
        private List<String> commandLine = List.of();
        private Outcome outcome = Outcome.COMPLETED;
        private List<String> warnings = List.of();

        private Builder(@Nullable Scan scan, @Nullable ScanSummary summary, @Nullable Supplier<Scan> reading,
                byte @Nullable [] xml) {
            this.scan = scan;
            this.summary = summary;
            this.reading = reading;
            this.xml = xml;
        }

        /** The command that ran, one argument per element. */
        public Builder commandLine(List<String> command) {
            this.commandLine = List.copyOf(command);
            return this;
        }

        /** How the run ended; {@link Outcome#COMPLETED} when not set. */
        public Builder outcome(Outcome how) {
            this.outcome = Objects.requireNonNull(how, "how");
            return this;
        }

        /** What the engine warned of. */
        public Builder warnings(List<String> engineWarnings) {
            this.warnings = List.copyOf(engineWarnings);
            return this;
        }

        /** Returns the result. */
        public ScanResult build() {
            return new ScanResult(this);
        }
    }
}
