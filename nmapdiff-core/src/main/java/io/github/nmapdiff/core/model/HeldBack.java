package io.github.nmapdiff.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a run saw change and did not report, by why, in counts: nothing is lost (the scans
 * stay in the store, and ndiff's text of the diff goes with the notification), but none of it
 * is worth a look tonight. Immutable.
 */
public final class HeldBack {

    /** Why a change was held back. May gain constants in a minor version. */
    public enum Reason {
        /** A host stopped answering; reported if it is still gone after the confirmation window. */
        HOST_NOT_ANSWERING("host not answering, reported if still gone after the confirmation window",
                "hosts not answering, reported if still gone after the confirmation window"),
        /**
         * A host that comes and goes (it was away before) is not answering, for no longer than its
         * longest absence so far; reported when it is gone longer than ever.
         */
        HOST_COMES_AND_GOES("host that comes and goes not answering, no longer than it was away before",
                "hosts that come and go not answering, no longer than they were away before"),
        /** A known device (by its MAC address) answers on another address: moved (DHCP), neither gone nor new. */
        HOST_MOVED("device moved to another address (known by its MAC)", "devices moved to other addresses (known by their MACs)"),
        /** An open port is closed or filtered; reported if it stays so for the confirmation window. */
        PORT_NOT_OPEN("port not open, reported if still so after the confirmation window",
                "ports not open, reported if still so after the confirmation window"),
        /** A host or port that was missing for a while is back, before its removal was confirmed. */
        RETURNED("host or port back after a short absence", "hosts or ports back after a short absence"),
        /** A host's name is missing or different; reported if the change lasts. */
        NAME_CHANGED("host name missing or changed, reported if the change lasts",
                "host names missing or changed, reported if the change lasts"),
        /** A host's reverse lookup gave no name this time: the name it had stands. */
        NAME_NOT_RESOLVED("host name not resolved this time (the name stands)", "host names not resolved this time (the names stand)"),
        /** A UDP port went between open and open|filtered, or answered open where it was open|filtered before. */
        UDP_OPEN_FILTERED("UDP port between open and open|filtered", "UDP ports between open and open|filtered"),
        /** A script's output changed only in time-like parts, or the script reports the time. */
        VOLATILE_SCRIPT("script output that only tells the time", "script outputs that only tell the time"),
        /** Service detection did not identify a service it identified before. */
        SERVICE_UNIDENTIFIED("service not identified this time", "services not identified this time"),
        /**
         * A service, version or script output the port (or host) showed before, among its last
         * few distinct ones: an alternating backend behind one name.
         */
        SEEN_BEFORE("value the port showed before (an alternating backend)", "values their ports showed before (alternating backends)"),
        /** An ignore rule, or an expect rule that still holds. */
        RULE("change ignored by rules", "changes ignored by rules");

        private final String one;
        private final String many;

        Reason(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** Returns the id used in JSON: {@code host-not-answering}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Returns the words that follow a count above one in a mail: {@code hosts not answering, ...}. */
        public String words() {
            return many;
        }

        /** Returns the words that follow a count: {@code 1 host not answering}, {@code 3 hosts not answering}. */
        public String words(int count) {
            return count == 1 ? one : many;
        }
    }

    private static final HeldBack NONE = new HeldBack(new EnumMap<>(Reason.class));

    private final Map<Reason, Integer> counts;

    private HeldBack(EnumMap<Reason, Integer> counts) {
        this.counts = Collections.unmodifiableMap(counts);
    }

    /** Returns an empty account. */
    public static HeldBack none() {
        return NONE;
    }

    /**
     * Returns an account of counts by reason; counts of 0 or less are left out.
     *
     * @param counts the counts, never null
     * @return the account, never null
     */
    public static HeldBack of(Map<Reason, Integer> counts) {
        EnumMap<Reason, Integer> copy = new EnumMap<>(Reason.class);
        counts.forEach((r, n) -> {
            if (n > 0) {
                copy.put(r, n);
            }
        });
        return new HeldBack(copy);
    }

    /** Returns the counts by reason, only those above 0, in the order of {@link Reason}; never null. */
    public Map<Reason, Integer> counts() {
        return counts;
    }

    /** Returns how many changes were held back in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Returns this account with another's counts added. */
    public HeldBack plus(HeldBack other) {
        EnumMap<Reason, Integer> sum = new EnumMap<>(Reason.class);
        sum.putAll(counts);
        other.counts.forEach((r, n) -> sum.merge(r, n, Integer::sum));
        return of(sum);
    }

    /** Returns the account in words: {@code 3 hosts not answering, ...; 1 change ignored by rules}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        counts.forEach((r, n) -> out.append(out.length() == 0 ? "" : "; ").append(n).append(' ').append(r.words(n)));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldBack h && counts.equals(h.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "HeldBack[" + describe() + "]";
    }
}
