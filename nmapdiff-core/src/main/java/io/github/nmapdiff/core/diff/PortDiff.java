package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.Service;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One port in the two scans, matched by {@link PortKey}.
 *
 * @param key the port; never null
 * @param before the port in the first scan; null where it was not listed
 * @param after the port in the second scan; null where it was not listed
 * @param summarisedBefore whether, in the first scan, the port's state is one the host summarises as extraports
 * @param summarisedAfter the same for the second scan
 * @param scripts the port's script results, paired by id; never null
 */
public record PortDiff(PortKey key, @Nullable Port before, @Nullable Port after, boolean summarisedBefore, boolean summarisedAfter,
        List<ScriptDiff> scripts) {

    /** Validates the fields and copies the list. */
    public PortDiff {
        Objects.requireNonNull(key, "key");
        scripts = List.copyOf(scripts);
    }

    /** Returns whether the state differs; a port listed on one side only has changed state. */
    public boolean stateChanged() {
        return !Objects.equals(before == null ? null : before.state(), after == null ? null : after.state());
    }

    /** Returns whether the service differs in name, product, version or extra info (not tunnel, as in ndiff). */
    public boolean serviceChanged() {
        return !comparedFields(before).equals(comparedFields(after));
    }

    private static List<@Nullable String> comparedFields(@Nullable Port port) {
        Service s = port == null ? null : port.service();
        return s == null ? Arrays.asList(null, null, null, null) : Arrays.asList(s.name(), s.product(), s.version(), s.extraInfo());
    }

    /**
     * Returns ndiff's cost of this port: 1 for a state change, 1 for a service change, and each
     * script's cost.
     *
     * @param verbose whether ndiff's {@code -v} is on, which makes every script pair cost 1
     * @return the cost
     */
    public int cost(boolean verbose) {
        int cost = (stateChanged() ? 1 : 0) + (serviceChanged() ? 1 : 0);
        for (ScriptDiff s : scripts) {
            cost += s.cost(verbose);
        }
        return cost;
    }

    /**
     * Returns whether ndiff shows this port: never when both sides are summarised as extraports;
     * otherwise when it changed, or always with {@code -v}.
     *
     * @param verbose whether ndiff's {@code -v} is on
     * @return whether the port is shown and counted
     */
    public boolean shown(boolean verbose) {
        if (summarisedBefore && summarisedAfter) {
            return false;
        }
        return verbose || cost(verbose) > 0;
    }
}
