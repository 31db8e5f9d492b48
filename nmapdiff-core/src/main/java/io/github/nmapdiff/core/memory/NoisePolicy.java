package io.github.nmapdiff.core.memory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the nightly job tells noise from news: how many complete scans confirm a removal, and
 * which script outputs only tell the time. Immutable; {@link #defaults()} is what the job uses
 * unless told otherwise.
 */
public final class NoisePolicy {
    /**
     * Scripts whose output tells the time or changes on every connection, so a change of it is
     * never news: {@code ssl-date}, {@code clock-skew}, the NTLM info scripts (they carry the
     * server's clock), and others like them.
     */
    public static final Set<String> VOLATILE_SCRIPTS = Set.of("ssl-date", "clock-skew", "ntp-info", "http-date", "smb2-time",
            "smb-os-discovery", "rdp-ntlm-info", "http-ntlm-info", "smtp-ntlm-info", "imap-ntlm-info", "pop3-ntlm-info",
            "telnet-ntlm-info", "nntp-ntlm-info", "ms-sql-ntlm-info", "mysql-info", "snmp-sysdescr", "snmp-info", "ike-version",
            "fingerprint-strings", "qscan", "ssh2-enum-algos-time");

    /**
     * The longest absence the memory learns as a host's usual one. A host away longer than the
     * confirmation window is reported gone only once it is away longer than it ever was before,
     * and never later than this: a laptop off for a week's holiday is not reported gone, one off
     * for a month is, after two weeks.
     */
    public static final Duration LONGEST_USUAL_ABSENCE = Duration.ofDays(14);

    private static final NoisePolicy DEFAULTS = new NoisePolicy(2, VOLATILE_SCRIPTS);

    private final int confirmAfter;
    private final Set<String> volatileScripts;

    private NoisePolicy(int confirmAfter, Set<String> volatileScripts) {
        if (confirmAfter < 1) {
            throw new IllegalArgumentException("confirm-after must be at least 1 (1 reports a removal on the first scan"
                    + " that misses it): " + confirmAfter);
        }
        this.confirmAfter = confirmAfter;
        this.volatileScripts = Set.copyOf(volatileScripts);
    }

    /** Returns the defaults: removals confirmed by 2 complete scans, the built-in {@link #VOLATILE_SCRIPTS}. */
    public static NoisePolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns this policy with another confirmation window.
     *
     * @param scans how many consecutive complete scans must miss a host or an open port before its removal is
     *        reported; at least 1
     * @return the policy, never null
     */
    public NoisePolicy confirmAfter(int scans) {
        return new NoisePolicy(scans, volatileScripts);
    }

    /** Returns this policy with more scripts whose output is never news. */
    public NoisePolicy volatileScripts(List<String> more) {
        Set<String> all = new HashSet<>(volatileScripts);
        all.addAll(more);
        return new NoisePolicy(confirmAfter, all);
    }

    /** Returns how many consecutive complete scans confirm a removal. */
    public int confirmAfter() {
        return confirmAfter;
    }

    /** Returns the ids of the scripts whose output is never news. */
    public Set<String> volatileScripts() {
        return volatileScripts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoisePolicy p && confirmAfter == p.confirmAfter && volatileScripts.equals(p.volatileScripts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(confirmAfter, volatileScripts);
    }

    @Override
    public String toString() {
        return "NoisePolicy[confirmAfter " + confirmAfter + "]";
    }
}
