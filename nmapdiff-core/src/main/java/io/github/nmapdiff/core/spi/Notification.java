package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Triage;
import java.util.List;
import java.util.Objects;

/**
 * What a run tells its notifiers: what kind of run it was, a one-line summary, and for a run
 * that compared two scans, the diff, ndiff's text of it and both scans' XML. Immutable. The
 * monitor makes them; a notifier's tests make one with {@link #builder(RunKind, String, Snapshot)}
 * (or take one from the testkit), so that later versions can add to it without breaking them.
 */
public final class Notification {
    private final RunKind kind;
    private final String summary;
    private final Snapshot snapshot;
    private final Snapshot baseline;
    private final ScanDiff diff;
    private final String ndiffText;
    private final byte[] xml;
    private final byte[] baselineXml;
    private final List<String> warnings;
    private final Triage triage;

    private Notification(Builder b) {
        this.kind = b.kind;
        this.summary = b.summary;
        this.snapshot = b.snapshot;
        this.baseline = b.baseline;
        this.diff = b.diff;
        this.ndiffText = b.ndiffText;
        this.xml = Objects.requireNonNull(b.xml, "xml");
        this.baselineXml = b.baselineXml;
        this.warnings = List.copyOf(b.warnings);
        this.triage = b.triage;
    }

    /**
     * Starts a notification: no baseline, no diff, empty ndiff text, no warnings; the XML must be set.
     *
     * @param kind what the run found; never null
     * @param summary one line for people, such as {@code 2 hosts changed: 1 port opened, ...}; never null
     * @param snapshot the snapshot the run made; never null
     * @return the builder, never null
     */
    public static Builder builder(RunKind kind, String summary, Snapshot snapshot) {
        return new Builder(kind, summary, snapshot);
    }

    /** Returns what the run found; never null. */
    public RunKind kind() {
        return kind;
    }

    /** Returns one line for people; never null. */
    public String summary() {
        return summary;
    }

    /** Returns the snapshot the run made; never null. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Returns the snapshot it was compared with; null when there was none. */
    public Snapshot baseline() {
        return baseline;
    }

    /** Returns the diff; null when nothing was compared. */
    public ScanDiff diff() {
        return diff;
    }

    /** Returns the diff as ndiff's text; empty when nothing was compared. */
    public String ndiffText() {
        return ndiffText;
    }

    /** Returns the new scan's XML as the engine wrote it; never null, not to be modified. */
    public byte[] xml() {
        return xml;
    }

    /** Returns the baseline's XML; null when there was none (or it could not be read). */
    public byte[] baselineXml() {
        return baselineXml;
    }

    /** Returns what the run warned of (targets that did not resolve, a scan cut short); never null. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns what the job's memory made of the scan: the findings to report, most severe
     * first, and what it held back as noise. Empty for a baseline or a new scope.
     */
    public Triage triage() {
        return triage;
    }

    /** Returns the findings to report, most severe first; a shortcut for {@code triage().findings()}. */
    public List<Finding> findings() {
        return triage.findings();
    }

    /** Returns ndiff's typed changes between the two scans, reported or not; empty when nothing was compared. */
    public List<Change> changes() {
        return diff == null ? List.of() : diff.changes();
    }

    @Override
    public String toString() {
        return "Notification[" + kind + ", " + summary + ", " + snapshot.id() + "]";
    }

    /** Builds a {@link Notification}; not thread-safe. */
    public static final class Builder {
        private final RunKind kind;
        private final String summary;
        private final Snapshot snapshot;
        private Snapshot baseline;
        private ScanDiff diff;
        private String ndiffText = "";
        private byte[] xml;
        private byte[] baselineXml;
        private List<String> warnings = List.of();
        private Triage triage = Triage.none();

        private Builder(RunKind kind, String summary, Snapshot snapshot) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.summary = Objects.requireNonNull(summary, "summary");
            this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        }

        /** The snapshot it was compared with, and its XML (null when it could not be read). */
        public Builder baseline(Snapshot baselineSnapshot, byte[] baselineBytes) {
            this.baseline = baselineSnapshot;
            this.baselineXml = baselineBytes;
            return this;
        }

        /** The diff and ndiff's text of it. */
        public Builder diff(ScanDiff scanDiff, String text) {
            this.diff = scanDiff;
            this.ndiffText = Objects.requireNonNull(text, "text");
            return this;
        }

        /** The new scan's XML as the engine wrote it; required. */
        public Builder xml(byte[] bytes) {
            this.xml = Objects.requireNonNull(bytes, "bytes");
            return this;
        }

        /** What the run warned of. */
        public Builder warnings(List<String> runWarnings) {
            this.warnings = List.copyOf(runWarnings);
            return this;
        }

        /** What the job's memory made of the scan; none when not set. */
        public Builder triage(Triage memoryTriage) {
            this.triage = java.util.Objects.requireNonNull(memoryTriage, "memoryTriage");
            return this;
        }

        /**
         * Returns the notification.
         *
         * @throws NullPointerException when the XML was not set
         */
        public Notification build() {
            return new Notification(this);
        }
    }
}
