package io.github.nmapdiff.core.render;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-line summary of a diff for people: {@code 2 hosts changed: 1 port opened, 1 service
 * version changed}, or {@code no changes}.
 */
public final class DiffSummary {
    /** Singular and plural label of each kind of change, in the order the summary lists them. */
    private static final Map<String, String[]> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("host-added", new String[] {"host added", "hosts added"});
        LABELS.put("host-removed", new String[] {"host removed", "hosts removed"});
        LABELS.put("host-state-changed", new String[] {"host state changed", "host states changed"});
        LABELS.put("host-identity-changed", new String[] {"host name or address changed", "host names or addresses changed"});
        LABELS.put("port-opened", new String[] {"port opened", "ports opened"});
        LABELS.put("port-closed", new String[] {"port closed", "ports closed"});
        LABELS.put("port-state-changed", new String[] {"port state changed", "port states changed"});
        LABELS.put("service-changed", new String[] {"service version changed", "service versions changed"});
        LABELS.put("extraports-changed", new String[] {"unlisted port count changed", "unlisted port counts changed"});
        LABELS.put("os-changed", new String[] {"OS guess changed", "OS guesses changed"});
        LABELS.put("script-changed", new String[] {"script result changed", "script results changed"});
    }

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
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.host() != null) {
                hosts.add(c.host().name());
            }
            counts.merge(c.kind(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        LABELS.forEach((kind, label) -> {
            Integer n = counts.get(kind);
            if (n != null) {
                parts.add(n + " " + label[n == 1 ? 0 : 1]);
            }
        });
        String head = hosts.isEmpty() ? "no host changed" : hosts.size() + (hosts.size() == 1 ? " host changed" : " hosts changed");
        return head + ": " + String.join(", ", parts);
    }

}
