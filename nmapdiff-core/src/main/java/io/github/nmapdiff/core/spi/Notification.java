package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Triage;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a run tells its notifiers: its {@link Verdict} (the kind of run, its findings and what
 * was held back, ndiff's diff against the baseline), the snapshot it made, ndiff's text of the
 * diff, both scans' XML and what the run warned of. Immutable. The monitor makes them; a
 * notifier's tests make one with {@link #builder(Snapshot, Verdict)} (or take one from the
 * testkit), so that later versions can add to it without breaking them.
 */
public final class Notification {
    private final Verdict verdict;
    private final Snapshot snapshot;
    private final String ndiffText;
    private final Lazy xml;
    private final @Nullable Lazy baselineXml;
    private final List<String> warnings;

    private Notification(Builder b) {
        this.verdict = b.verdict;
        this.snapshot = b.snapshot;
        this.ndiffText = b.ndiffText;
        this.xml = Objects.requireNonNull(b.xml, "xml");
        this.baselineXml = b.baselineXml;
        this.warnings = List.copyOf(b.warnings);
    }

    /**
     * Starts a notification: no ndiff text, no baseline XML, no warnings; the XML must be set.
     *
     * @param snapshot the snapshot the run made; never null
     * @param verdict what the run found; never null
     * @return the builder, never null
     */
    public static Builder builder(Snapshot snapshot, Verdict verdict) {
        return new Builder(snapshot, verdict);
    }

    /** Returns what the run found; never null. */
    public Verdict verdict() {
        return verdict;
    }

    /** Returns the kind of run; never null. */
    public RunKind kind() {
        return verdict.kind();
    }

    /** Returns one line for people; never null. */
    public String summary() {
        return verdict.summary();
    }

    /** Returns the snapshot the run made; never null. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Returns the snapshot ndiff compared it with; null when there was none. */
    public @Nullable Snapshot baseline() {
        return verdict.baseline();
    }

    /** Returns ndiff's diff against the baseline; null when nothing was compared. */
    public @Nullable ScanDiff ndiff() {
        return verdict.ndiff();
    }

    /**
     * Returns ndiff's diff against the baseline; null when nothing was compared.
     *
     * @deprecated it is ndiff's, not the findings: use {@link #ndiff()}
     */
    @Deprecated
    public @Nullable ScanDiff diff() {
        return verdict.ndiff();
    }

    /** Returns the diff as ndiff's text; empty when nothing was compared. */
    public String ndiffText() {
        return ndiffText;
    }

    /** Returns the new scan's XML as the engine wrote it; never null, not to be modified. */
    public byte[] xml() {
        byte[] b = xml.get();
        if (b == null) {
            throw new IllegalStateException("the scan's XML could not be read");
        }
        return b;
    }

    /** Returns the baseline's XML; null when there was none (or it could not be read). */
    public byte @Nullable [] baselineXml() {
        return baselineXml == null ? null : baselineXml.get();
    }

    /** Returns the size of the new scan's XML in bytes, without reading it when the run knows it. */
    public long xmlSize() {
        return xml.size();
    }

    /** Returns the size of the baseline's XML in bytes, without reading it when the run knows it; -1 when there is none. */
    public long baselineXmlSize() {
        return baselineXml == null ? -1 : baselineXml.size();
    }

    /** Returns what the run warned of (targets that did not resolve, a scan cut short); never null. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns what the job's memory made of the scan: the findings to report, most severe
     * first, and what it held back as noise. Empty for a baseline.
     */
    public Triage triage() {
        return verdict.triage();
    }

    /** Returns the findings to report, most severe first; never null. */
    public List<Finding> findings() {
        return verdict.findings();
    }

    /** Returns ndiff's typed changes between the two scans, reported or not; empty when nothing was compared. */
    public List<Change> ndiffChanges() {
        return verdict.ndiffChanges();
    }

    /**
     * Returns ndiff's typed changes between the two scans, reported or not.
     *
     * @deprecated they are ndiff's, not the findings: use {@link #ndiffChanges()} or {@link #findings()}
     */
    @Deprecated
    public List<Change> changes() {
        return verdict.ndiffChanges();
    }

    @Override
    public String toString() {
        return "Notification[" + verdict.kind() + ", " + verdict.summary() + ", " + snapshot.id() + "]";
    }

    /** Bytes given at once, or read when first asked for; their size known without reading when given. */
    private static final class Lazy {
        private final @Nullable Supplier<byte @Nullable []> source;
        private final long knownSize;
        private byte @Nullable [] bytes;
        private boolean read;

        Lazy(byte[] bytes) {
            this.bytes = Objects.requireNonNull(bytes, "bytes");
            this.source = null;
            this.knownSize = bytes.length;
            this.read = true;
        }

        Lazy(Supplier<byte @Nullable []> source, long size) {
            this.source = Objects.requireNonNull(source, "source");
            this.knownSize = size;
        }

        synchronized byte @Nullable [] get() {
            if (!read) {
                bytes = Objects.requireNonNull(source, "source").get();
                read = true;
            }
            return bytes;
        }

        long size() {
            if (knownSize >= 0) {
                return knownSize;
            }
            byte[] b = get();
            return b == null ? -1 : b.length;
        }
    }

    /** Builds a {@link Notification}; not thread-safe. */
    public static final class Builder {
        private final Snapshot snapshot;
        private final Verdict verdict;
        private String ndiffText = "";
        private @Nullable Lazy xml;
        private @Nullable Lazy baselineXml;
        private List<String> warnings = List.of();

        private Builder(Snapshot snapshot, Verdict verdict) {
            this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
            this.verdict = Objects.requireNonNull(verdict, "verdict");
        }

        /** ndiff's text of the verdict's diff. */
        public Builder ndiffText(String text) {
            this.ndiffText = Objects.requireNonNull(text, "text");
            return this;
        }

        /** The new scan's XML as the engine wrote it; required. */
        public Builder xml(byte[] bytes) {
            this.xml = new Lazy(bytes);
            return this;
        }

        /**
         * The new scan's XML, read when a notifier asks for it.
         *
         * @param source reads the bytes; never null
         * @param size their size, or -1 when unknown
         * @return this builder
         */
        public Builder xml(Supplier<byte[]> source, long size) {
            this.xml = new Lazy(source, size);
            return this;
        }

        /** The baseline's XML; none when not set. */
        public Builder baselineXml(byte @Nullable [] bytes) {
            this.baselineXml = bytes == null ? null : new Lazy(bytes);
            return this;
        }

        /**
         * The baseline's XML, read when a notifier asks for it.
         *
         * @param source reads the bytes, or gives null when they cannot be read; never null
         * @param size their size, or -1 when unknown
         * @return this builder
         */
        public Builder baselineXml(Supplier<byte @Nullable []> source, long size) {
            this.baselineXml = new Lazy(source, size);
            return this;
        }

        /** What the run warned of. */
        public Builder warnings(List<String> runWarnings) {
            this.warnings = List.copyOf(runWarnings);
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
