package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scan;
import java.util.List;
import java.util.Objects;

/**
 * What a scan gave: the scan, the exact XML the engine wrote, and how the run ended.
 *
 * @param scan the scan; incomplete when the run timed out, was cancelled, or nmap stopped early; never null
 * @param xml the bytes of the XML exactly as the engine wrote them, for the snapshot store; never null, not to be modified
 * @param commandLine the command that ran, one argument per element; never null
 * @param outcome how the run ended; never null
 * @param warnings what the engine warned of, such as targets that did not resolve; never null
 */
public record ScanResult(Scan scan, byte[] xml, List<String> commandLine, Outcome outcome, List<String> warnings) {

    /** How a run ended. */
    public enum Outcome {
        /** The engine finished the scan. */
        COMPLETED,
        /** The time limit ran out; the result holds the hosts completed by then. */
        TIMED_OUT,
        /** The scan was cancelled; the result holds the hosts completed by then. */
        CANCELLED
    }

    /** Validates the fields and copies the lists. */
    public ScanResult {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(xml, "xml");
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(outcome, "outcome");
        warnings = List.copyOf(warnings);
    }
}
