package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.xml.ScanSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A scan for a store to keep: the scan, the exact XML bytes to store, when it started and
 * what it covers. Made by the monitor (and by tests with {@link #of}); immutable.
 */
public final class NewSnapshot {
    private final @Nullable Supplier<Scan> reading;
    private @Nullable Scan scan;
    private final ScanSummary summary;
    private final byte @Nullable [] xml;
    private final @Nullable Path xmlFile;
    private final Instant start;
    private final Scope scope;

    private NewSnapshot(@Nullable Scan scan, ScanSummary summary, @Nullable Supplier<Scan> reading,
            byte @Nullable [] xml, @Nullable Path xmlFile, Instant start, Scope scope) {
        this.scan = scan;
        this.summary = Objects.requireNonNull(summary, "summary");
        this.reading = reading;
        this.xml = xml;
        this.xmlFile = xmlFile;
        if (xml == null && xmlFile == null) {
            throw new NullPointerException("xml");
        }
        this.start = Objects.requireNonNull(start, "start");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Returns a scan to keep.
     *
     * @param scan the scan; never null
     * @param xml the XML to keep, exactly as the engine wrote it; never null, not to be modified afterwards
     * @param start when the scan started; never null (the scan's own start time, or the time it was run)
     * @param scope what the scan covers: its targets and the engine's arguments; never null
     * @return the new snapshot, never null
     */
    public static NewSnapshot of(Scan scan, byte[] xml, Instant start, Scope scope) {
        return new NewSnapshot(Objects.requireNonNull(scan, "scan"), ScanSummary.of(scan), null,
                Objects.requireNonNull(xml, "xml"), null, start, scope);
    }

    /**
     * Returns a scan to keep whose hosts are read only if a store asks for {@link #scan()}.
     *
     * @param result the engine's result; never null
     * @param start when the scan started; never null
     * @param scope what the scan covers; never null
     * @return the new snapshot, never null
     */
    public static NewSnapshot of(ScanResult result, Instant start, Scope scope) {
        return result.xmlFile().isPresent() ? new NewSnapshot(null, result.summary(), result::scan, null, result.xmlFile().get(), start, scope)
                : new NewSnapshot(null, result.summary(), result::scan, result.xml(), null, start, scope);
    }

    /** Returns the scan, read whole the first time it is asked for; never null. A store needs {@link #summary()} only. */
    public synchronized Scan scan() {
        Scan s = scan;
        if (s == null) {
            s = Objects.requireNonNull(reading, "reading").get();
            scan = s;
        }
        return s;
    }

    /** Returns what the scan is without its hosts: whether it is complete, how many hosts, its nmap version; never null. */
    public ScanSummary summary() {
        return summary;
    }

    /**
     * Returns the XML to keep, exactly as the engine wrote it; never null, not to be modified.
     * When it is in a file ({@link #xmlFile()}), the file is read each time: a store that can
     * copy a file should.
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

    /** Returns the file the XML is in, when the engine left it in one; a store may copy it rather than read it whole. */
    public Optional<Path> xmlFile() {
        return Optional.ofNullable(xmlFile);
    }

    /** Returns when the scan started; never null. */
    public Instant start() {
        return start;
    }

    /** Returns what the scan covers; never null. */
    public Scope scope() {
        return scope;
    }

    /** Returns the targets scanned; never null. */
    public List<String> targets() {
        return scope.targets();
    }

    /** Returns the engine's arguments that decide what a scan covers; never null. */
    public List<String> arguments() {
        return scope.arguments();
    }

    /**
     * Returns what a store knows of this scan once kept under {@code id}: its start, whether it
     * is complete, its scope and host count; its run not yet finished.
     *
     * @param id the id the store gave it, never null
     * @param savedAt when the store kept it, never null
     * @return the snapshot, never null
     */
    public Snapshot toSnapshot(String id, Instant savedAt) {
        return Snapshot.builder(id, start).savedAt(savedAt).complete(summary.complete()).scope(scope)
                .hosts(summary.hosts()).build();
    }
}
