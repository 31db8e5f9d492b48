package io.github.nmapdiff.core.internal.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out one instance of each short string that a scan repeats from host to host (service
 * names, products and versions, CPEs, reasons, script ids), so that a large scan holds each
 * once rather than once per port: at 100,000 hosts most of a scan's memory is such strings.
 * One per reading; not thread-safe.
 */
final class SharedStrings {
    /** Longer strings (script output, fingerprints) seldom repeat and are kept as they come. */
    private static final int LONGEST = 128;
    /** Past this many distinct strings, new ones are kept as they come: the scan repeats little. */
    private static final int MOST = 1 << 16;

    private final Map<String, String> known = new HashMap<>();

    /** Returns the shared instance of {@code s}, or {@code s}; null for null. */
    String of(String s) {
        if (s == null || s.length() > LONGEST) {
            return s;
        }
        String shared = known.get(s);
        if (shared != null) {
            return shared;
        }
        if (known.size() < MOST) {
            known.put(s, s);
        }
        return s;
    }

    /** Returns the list with its strings shared. */
    List<String> of(List<String> strings) {
        List<String> shared = new ArrayList<>(strings.size());
        for (String s : strings) {
            shared.add(of(s));
        }
        return shared;
    }
}
