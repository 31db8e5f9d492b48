package io.github.nmapdiff.core.render;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-line summary of a diff for people: {@code 2 hosts changed: 1 port opened, 1 service
 * version changed}, or {@code no changes}.
 */
public final class DiffSummary {
    private DiffSummary() {
    }

    /**
     * Summarises a diff in one line.
     *
     * @param diff the diff, never null
     * @return the summary, never null
     */
    public static String of(ScanDiff diff) {
        return of(diff.changes());
    }

    /**
     * Summarises changes in one line.
     *
     * @param changes the changes, never null
     * @return the summary, never null
     */
    public static String of(List<Change> changes) {
        if (changes.isEmpty()) {
            return "no changes";
        }
        Set<String> hosts = new LinkedHashSet<>();
        Map<Change.Kind, Integer> counts = new EnumMap<>(Change.Kind.class);
        for (Change c : changes) {
            if (c.host() != null) {
                hosts.add(c.host().name());
            }
            counts.merge(c.kind(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        // in the order of the kinds; the labels are the kinds' own, shared with the mail
        counts.forEach((kind, n) -> parts.add(n + " " + kind.label(n)));
        String head = hosts.isEmpty() ? "no host changed" : hosts.size() + (hosts.size() == 1 ? " host changed" : " hosts changed");
        return head + ": " + String.join(", ", parts);
    }

}
