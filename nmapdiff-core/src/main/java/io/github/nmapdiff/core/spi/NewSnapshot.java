package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
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
    private final Scope scope;

    private NewSnapshot(Scan scan, byte[] xml, Instant start, Scope scope) {
        this.scan = Objects.requireNonNull(scan, "scan");
        this.xml = Objects.requireNonNull(xml, "xml");
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
        return new NewSnapshot(scan, xml, start, scope);
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
        return Snapshot.builder(id, start).savedAt(savedAt).complete(scan.complete()).scope(scope)
                .hosts(scan.hosts().size()).build();
    }
}
