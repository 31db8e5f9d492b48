package io.github.nmapdiff.core.diff;

import java.util.List;
import java.util.Objects;

/**
 * One step of the change between two hosts' OS match lists.
 *
 * @param kind what the step does
 * @param before the OS names of the first scan this step covers; empty for an insertion
 * @param after the OS names of the second scan this step covers; empty for a deletion
 */
public record OsEdit(Kind kind, List<String> before, List<String> after) {

    /** What a step does. */
    public enum Kind {
        /** The names are in both lists. */
        EQUAL,
        /** The names of the first list become those of the second. */
        REPLACE,
        /** The names of the first list are gone. */
        DELETE,
        /** The names of the second list are new. */
        INSERT
    }

    /** Validates the fields and copies the lists. */
    public OsEdit {
        Objects.requireNonNull(kind, "kind");
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
