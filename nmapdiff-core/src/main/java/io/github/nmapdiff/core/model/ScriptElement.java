package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A node of a script's structured output: a value ({@link Elem}) or a table of nodes ({@link Table}). */
public sealed interface ScriptElement permits ScriptElement.Elem, ScriptElement.Table {

    /** Returns the node's key within its table; null for an element of a list. */
    @Nullable String key();

    /**
     * A value.
     *
     * @param key the key; may be null
     * @param value the value; never null
     */
    record Elem(@Nullable String key, String value) implements ScriptElement {

        /** Validates the fields. */
        public Elem {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A table of nodes.
     *
     * @param key the key; may be null
     * @param elements the nodes, in order; never null
     */
    record Table(@Nullable String key, List<ScriptElement> elements) implements ScriptElement {

        /** Validates the fields and copies the list. */
        public Table {
            elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
        }
    }
}
