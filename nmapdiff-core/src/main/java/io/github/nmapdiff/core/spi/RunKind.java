package io.github.nmapdiff.core.spi;

/**
 * What a monitoring run found, as its report and its notification tell: a baseline, no
 * changes, changes, a new scope or an incomplete scan. In the SPI package, so that a notifier
 * depends on nothing above it.
 */
public enum RunKind {
    /** The first scan of this scope: recorded as the baseline, nothing to compare. */
    BASELINE,
    /** Compared with the baseline: nothing changed. */
    NO_CHANGES,
    /** Compared with the baseline: something changed. */
    CHANGES,
    /** The targets or the scan arguments differ from every earlier complete scan: a new baseline, not a diff. */
    SCOPE_CHANGED,
    /** The scan did not finish; only the hosts it reached were compared, and it is never a baseline. */
    INCOMPLETE
}
