package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.model.Host;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One host in the two scans, matched as ndiff matches hosts: by the first of its sorted
 * addresses and the first of its sorted host names.
 *
 * @param before the host in the first scan; null where it was absent
 * @param after the host in the second scan; null where it was absent
 * @param stateChanged whether the host's state differs (a host on one side only has changed state)
 * @param identityChanged whether its set of addresses or host names differs
 * @param extraPortsChanged whether its extraports counts differ
 * @param ports every port listed on either side, in port order; never null
 * @param os the edit from the first OS match list to the second; never null
 * @param scripts the host script results, paired by id; never null
 */
public record HostDiff(@Nullable Host before, @Nullable Host after, boolean stateChanged, boolean identityChanged, boolean extraPortsChanged,
        List<PortDiff> ports, List<OsEdit> os, List<ScriptDiff> scripts) {

    /** Copies the lists. */
    public HostDiff {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a host diff needs a host on at least one side");
        }
        ports = List.copyOf(ports);
        os = List.copyOf(os);
        scripts = List.copyOf(scripts);
    }

    /** Returns whether the OS match list changed. */
    public boolean osChanged() {
        return os.stream().anyMatch(e -> e.kind() != OsEdit.Kind.EQUAL);
    }

    /**
     * Returns ndiff's cost of this host, which decides whether it is shown and the exit code.
     *
     * @param verbose whether ndiff's {@code -v} is on
     * @return the cost
     */
    public int cost(boolean verbose) {
        int cost = (stateChanged ? 1 : 0) + (identityChanged ? 1 : 0) + (extraPortsChanged ? 1 : 0);
        for (PortDiff p : ports) {
            if (p.shown(verbose)) {
                cost += p.cost(verbose);
            }
        }
        cost += (int) os.stream().filter(e -> e.kind() != OsEdit.Kind.EQUAL).count();
        for (ScriptDiff s : scripts) {
            cost += s.cost(verbose);
        }
        return cost;
    }

    /** Returns the ports ndiff shows, in port order. */
    public List<PortDiff> shownPorts(boolean verbose) {
        return ports.stream().filter(p -> p.shown(verbose)).toList();
    }
}
