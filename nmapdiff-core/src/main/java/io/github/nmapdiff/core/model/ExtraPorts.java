package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Ports in one state that nmap counted instead of listing them ("Not shown: 995 filtered ports").
 *
 * @param state the state the ports share; never null
 * @param count how many ports are in it
 * @param reasons how many of them are in it for which reason; never null
 */
public record ExtraPorts(PortState state, int count, List<ExtraReasons> reasons) {

    /** Validates the fields and copies the list. */
    public ExtraPorts {
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
