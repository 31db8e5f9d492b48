package io.github.nmapdiff.core.model;

import java.util.Locale;

/** How serious a finding is, most serious first. May gain constants in a minor version. */
public enum Severity {
    /** Act now. No built-in rule gives it; rules may. */
    CRITICAL,
    /** A newly exposed remote-admin, database, file-sharing, container or industrial-control service. */
    HIGH,
    /** Any other newly open port or new host, a confirmed closure or vanished host, a service replaced. */
    MEDIUM,
    /** A version or script output that changed on an open port. */
    LOW,
    /** A host's name that changed for good. */
    INFO;

    /** Returns the lower-case name, as in mail subjects and JSON: {@code high}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the severity named by {@link #id()} or the constant's name, in any case.
     *
     * @throws IllegalArgumentException naming the five when {@code text} is none of them
     */
    public static Severity of(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a severity; use critical, high, medium, low or info");
    }
}
