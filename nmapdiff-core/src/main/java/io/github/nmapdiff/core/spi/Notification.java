package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import java.util.List;
import java.util.Objects;

/**
 * What a run tells its notifiers: what kind of run it was, a one-line summary, and for a run
 * that compared two scans, the diff, ndiff's text of it and both scans' XML.
 *
 * @param kind what the run found; never null
 * @param summary one line for people, such as {@code 2 hosts changed: 1 port opened, ...}; never null
 * @param snapshot the snapshot the run made; never null
 * @param baseline the snapshot it was compared with; null when there was none
 * @param diff the diff; null when nothing was compared
 * @param ndiffText the diff as ndiff's text; empty when nothing was compared
 * @param xml the new scan's XML as nmap wrote it; never null, not to be modified
 * @param baselineXml the baseline's XML; null when there was none
 * @param warnings what the run warned of (targets that did not resolve, a scan cut short); never null
 */
public record Notification(RunKind kind, String summary, Snapshot snapshot, Snapshot baseline, ScanDiff diff,
        String ndiffText, byte[] xml, byte[] baselineXml, List<String> warnings) {

    /** Validates the fields and copies the list. */
    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(ndiffText, "ndiffText");
        Objects.requireNonNull(xml, "xml");
        warnings = List.copyOf(warnings);
    }

    /** Returns the typed changes; empty when nothing was compared. */
    public List<Change> changes() {
        return diff == null ? List.of() : diff.changes();
    }
}
