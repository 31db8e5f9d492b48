package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scan to keep: the scan, the exact XML bytes to store, and its scope.
 *
 * @param scan the scan; never null
 * @param xml the XML to keep, exactly as the engine wrote it; never null, not to be modified
 * @param start when the scan started; never null (the scan's own start time, or the time it was run)
 * @param targets the targets scanned; never null
 * @param arguments the engine's arguments that decide what a scan covers; never null
 */
public record NewSnapshot(Scan scan, byte[] xml, Instant start, List<String> targets, List<String> arguments) {

    /** Validates the fields and copies the lists. */
    public NewSnapshot {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(start, "start");
        targets = List.copyOf(targets);
        arguments = List.copyOf(arguments);
    }
}
