package io.github.nmapdiff.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one scan told the job's memory: the findings to report, most severe first, and what was
 * held back. Immutable.
 */
public final class Triage {
    /**
     * The order of a report: by severity, patch updates after the rest of their severity (an
     * update is never the line a report leads with while there is anything else), then host,
     * then port.
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.kind() == Finding.Kind.PATCH_UPDATE).thenComparing(Finding::address)
            .thenComparing(f -> f.port() == null ? "" : f.port()).thenComparing(f -> f.kind());

    private static final Triage NONE = new Triage(List.of(), HeldBack.none());

    private final List<Finding> findings;
    private final HeldBack heldBack;

    private Triage(List<Finding> findings, HeldBack heldBack) {
        this.findings = findings.stream().sorted(ORDER).toList();
        this.heldBack = Objects.requireNonNull(heldBack, "heldBack");
    }

    /** Returns a triage that found nothing and held nothing back. */
    public static Triage none() {
        return NONE;
    }

    /**
     * Returns a triage.
     *
     * @param findings what to report, in any order; never null
     * @param heldBack what was held back; never null
     * @return the triage, never null
     */
    public static Triage of(List<Finding> findings, HeldBack heldBack) {
        return new Triage(findings, heldBack);
    }

    /** Returns what to report, most severe first; never null. */
    public List<Finding> findings() {
        return findings;
    }

    /** Returns what was held back; never null. */
    public HeldBack heldBack() {
        return heldBack;
    }

    /** Returns the most severe finding, if any. */
    public Optional<Finding> first() {
        return findings.stream().findFirst();
    }

    /** Returns whether there is something to report. */
    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Triage t && findings.equals(t.findings) && heldBack.equals(t.heldBack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(findings, heldBack);
    }

    @Override
    public String toString() {
        return "Triage[" + findings + ", held back: " + heldBack.describe() + "]";
    }
}
