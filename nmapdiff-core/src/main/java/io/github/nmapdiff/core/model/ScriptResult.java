package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of one NSE script: its text output and, from nmap 6 on, the same result as a
 * tree of keyed elements and tables.
 *
 * @param id the script's name, such as {@code ssh-hostkey}; never null
 * @param output the script's text output; never null
 * @param elements the structured output; never null, empty when the script gave none
 */
public record ScriptResult(String id, String output, List<ScriptElement> elements) {

    /** Validates the fields and copies the list. */
    public ScriptResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(output, "output");
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }
}
