package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scan;
import java.util.List;
import java.util.Objects;

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

    private final Scan scan;
    private final byte[] xml;
    private final List<String> commandLine;
    private final Outcome outcome;
    private final List<String> warnings;

    private ScanResult(Builder b) {
        this.scan = b.scan;
        this.xml = b.xml;
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
        return new Builder(scan, xml);
    }

    /** Returns the scan; never null. */
    public Scan scan() {
        return scan;
    }

    /** Returns the bytes of the XML exactly as the engine wrote them; never null, not to be modified. */
    public byte[] xml() {
        return xml;
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
        return "ScanResult[" + outcome + ", " + scan.hosts().size() + " hosts, " + warnings.size() + " warnings]";
    }

    /** Builds a {@link ScanResult}; not thread-safe. */
    public static final class Builder {
        private final Scan scan;
        private final byte[] xml;
        private List<String> commandLine = List.of();
        private Outcome outcome = Outcome.COMPLETED;
        private List<String> warnings = List.of();

        private Builder(Scan scan, byte[] xml) {
            this.scan = Objects.requireNonNull(scan, "scan");
            this.xml = Objects.requireNonNull(xml, "xml");
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
