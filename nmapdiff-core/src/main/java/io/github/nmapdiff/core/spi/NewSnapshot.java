package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scan for a store to keep: the scan, the exact XML bytes to store, when it started and
 * what it covers. Made by the monitor (and by tests with {@link #of}); immutable.
 */
public final class NewSnapshot {
    private final Scan scan;
    private final byte[] xml;
    private final Instant start;
    private final List<String> targets;
    private final List<String> arguments;

    private NewSnapshot(Scan scan, byte[] xml, Instant start, List<String> targets, List<String> arguments) {
        this.scan = Objects.requireNonNull(scan, "scan");
        this.xml = Objects.requireNonNull(xml, "xml");
        this.start = Objects.requireNonNull(start, "start");
        this.targets = List.copyOf(targets);
        this.arguments = List.copyOf(arguments);
    }

    /**
     * Returns a scan to keep.
     *
     * @param scan the scan; never null
     * @param xml the XML to keep, exactly as the engine wrote it; never null, not to be modified afterwards
     * @param start when the scan started; never null (the scan's own start time, or the time it was run)
     * @param targets the targets scanned; never null
     * @param arguments the engine's arguments that decide what a scan covers; never null
     * @return the new snapshot, never null
     */
    public static NewSnapshot of(Scan scan, byte[] xml, Instant start, List<String> targets, List<String> arguments) {
        return new NewSnapshot(scan, xml, start, targets, arguments);
    }

    /** Returns the scan; never null. */
    public Scan scan() {
        return scan;
    }

    /** Returns the XML to keep, exactly as the engine wrote it; never null, not to be modified. */
    public byte[] xml() {
        return xml;
    }

    /** Returns when the scan started; never null. */
    public Instant start() {
        return start;
    }

    /** Returns the targets scanned; never null. */
    public List<String> targets() {
        return targets;
    }

    /** Returns the engine's arguments that decide what a scan covers; never null. */
    public List<String> arguments() {
        return arguments;
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
        return Snapshot.builder(id, start).savedAt(savedAt).complete(scan.complete()).scope(targets, arguments)
                .hosts(scan.hosts().size()).build();
    }
}
