package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Severity;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule a team wrote down: which findings it is about (hosts, port, service, script, kind;
 * every criterion given must match) and what to do with them: ignore them, expect them (an
 * open port that is known and accepted, until a date), or give them another severity.
 * Immutable; made with {@link #ignore()}, {@link #expect(LocalDate)} or
 * {@link #severity(Severity)} and the builder.
 */
public final class Rule {

    /** What a rule does with the findings it matches. */
    public enum Action {
        /** Hold them back (counted as "ignored by rules"). */
        IGNORE,
        /** An open port that is expected: its opening is held back; its closing is reported. */
        EXPECT,
        /** Report them with the rule's severity. */
        SEVERITY
    }

    /**
     * The ids that findings' kinds had before they were renamed so that none reads as one of
     * ndiff's changes, with the id each has now: a rules file written with the old ones still
     * means what it meant.
     */
    public static final Map<String, String> RENAMED_KINDS = Map.of("port-opened", "new-port",
            "port-closed", "port-gone", "service-changed", "version-changed", "script-changed", "script-output-changed");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:/(tcp|udp|sctp|ip))?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9*._-]*");

    private final Action action;
    private final @Nullable Severity severity;
    private final @Nullable LocalDate until;
    private final @Nullable String host;
    private final byte @Nullable [] network;
    private final int prefix;
    /** The host name pattern, lower case, {@code *} for any characters; null for an address rule. */
    private final @Nullable String hostName;
    private final @Nullable Integer port;
    private final @Nullable String protocol;
    private final @Nullable String service;
    private final @Nullable String script;
    private final Finding.@Nullable Kind kind;
    private final @Nullable String reason;
    private final @Nullable String source;

    private Rule(Builder b) {
        this.action = b.action;
        this.severity = b.severity;
        this.until = b.until;
        this.host = b.host;
        this.network = b.network;
        this.prefix = b.prefix;
        this.hostName = b.hostName;
        this.port = b.port;
        this.protocol = b.protocol;
        this.service = b.service;
        this.script = b.script;
        this.kind = b.kind;
        this.reason = b.reason;
        this.source = b.source;
    }

    /** Starts a rule that holds back the findings it matches. */
    public static Builder ignore() {
        return new Builder(Action.IGNORE, null, null);
    }

    /**
     * Starts a rule that expects a port open: its opening is no finding, its closing is.
     *
     * @param until the last day the expectation holds (an accepted risk that must be looked at again); null for ever
     * @return the builder, never null
     */
    public static Builder expect(@Nullable LocalDate until) {
        return new Builder(Action.EXPECT, null, until);
    }

    /**
     * Starts a rule that gives the findings it matches a severity.
     *
     * @param severity the severity, never null
     * @return the builder, never null
     */
    public static Builder severity(Severity severity) {
        return new Builder(Action.SEVERITY, Objects.requireNonNull(severity, "severity"), null);
    }

    /** Returns what the rule does. */
    public Action action() {
        return action;
    }

    /** Returns the severity it gives; null unless {@link Action#SEVERITY}. */
    public @Nullable Severity severityGiven() {
        return severity;
    }

    /** Returns the last day an expectation holds; null for ever or for other rules. */
    public @Nullable LocalDate until() {
        return until;
    }

    /** Returns why the team wrote it; may be null. */
    public @Nullable String reason() {
        return reason;
    }

    /** Returns where it was written ({@code rules.yaml:12}); may be null. */
    public @Nullable String source() {
        return source;
    }

    /** Returns whether it holds on a day: an expectation past its last day holds no more. */
    public boolean holdsOn(LocalDate day) {
        return until == null || !day.isAfter(until);
    }

    /** Returns whether the rule's criteria match a finding. */
    public boolean matches(Finding f) {
        if (kind != null && f.kind() != kind) {
            return false;
        }
        if (action == Action.EXPECT && f.kind() != Finding.Kind.NEW_PORT) {
            return false;
        }
        if (host != null && !hostMatches(f.address(), f.hostName())) {
            return false;
        }
        if (port != null || protocol != null) {
            if (f.port() == null) {
                return false;
            }
            String[] p = f.port().split("/");
            if (port != null && Integer.parseInt(p[0]) != port || protocol != null && !protocol.equals(p[1])) {
                return false;
            }
        }
        if (service != null && (f.kind() == Finding.Kind.SCRIPT_OUTPUT_CHANGED || !service.equals(f.service()))) {
            return false;
        }
        return script == null || f.kind() == Finding.Kind.SCRIPT_OUTPUT_CHANGED && script.equals(f.service());
    }

    /** Returns whether the rule's hosts and port take in a port of a host (for expectations, without a finding). */
    boolean covers(String address, @Nullable String name, String portKey) {
        return matches(Finding.newPort(HostIdentity.of(address, address, name, null), portKey, service, null, Severity.INFO, Instant.EPOCH,
                Instant.EPOCH));
    }

    private boolean hostMatches(String address, @Nullable String name) {
        if (network != null) {
            byte[] a = literal(address);
            return a != null && a.length == network.length && samePrefix(a, network, prefix);
        }
        String pattern = hostName;
        return pattern != null && (glob(pattern, address) || name != null && glob(pattern, name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether a text matches a pattern where {@code *} stands for any characters: in time
     * proportional to their lengths' product at worst, never exponential (a regular expression
     * of several {@code .*} backtracks for minutes on a long hostile PTR name).
     */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Returns whether the rule's host criterion takes in every host: {@code *}, or a /0 range. */
    boolean everyHost() {
        return host != null && (network != null ? prefix == 0 : hostName != null && hostName.chars().allMatch(c -> c == '*'));
    }

    /** Returns whether the rule names nothing but its hosts: no port, service, script or kind. */
    boolean hostsOnly() {
        return port == null && protocol == null && service == null && script == null && kind == null;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(a.length * 8 - bits);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    /** The bytes of an IP address literal; null for anything else (never a DNS lookup). */
    private static byte @Nullable [] literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Returns what the rule says, without where it was written: the same rule moved in its file is the same. */
    public String criteria() {
        String all = toString();
        return source == null ? all : all.substring(source.length() + 2);
    }

    @Override
    public String toString() {
        return (source == null ? "" : source + ": ") + action.name().toLowerCase(Locale.ROOT)
                + (host == null ? "" : " host " + host) + (port == null ? "" : " port " + port) + (protocol == null ? "" : "/" + protocol)
                + (service == null ? "" : " service " + service) + (script == null ? "" : " script " + script)
                + (kind == null ? "" : " kind " + kind.id()) + (severity == null ? "" : " severity " + severity.id())
                + (until == null ? "" : " until " + until);
    }

    /** Builds a {@link Rule}; each setter checks its value and says what is wrong. Not thread-safe. */
    public static final class Builder {
        private final Action action;
        private final @Nullable Severity severity;
        private final @Nullable LocalDate until;
        private @Nullable String host;
        private byte @Nullable [] network;
        private int prefix;
        private @Nullable String hostName;
        private @Nullable Integer port;
        private @Nullable String protocol;
        private @Nullable String service;
        private @Nullable String script;
        private Finding.@Nullable Kind kind;
        private @Nullable String reason;
        private @Nullable String source;

        private Builder(Action action, @Nullable Severity severity, @Nullable LocalDate until) {
            this.action = action;
            this.severity = severity;
            this.until = until;
        }

        /**
         * The hosts: an address, a CIDR range ({@code 192.0.2.0/24}, {@code 2001:db8::/32}), or a
         * host name, where {@code *} stands for any characters ({@code *.lab.example.com}).
         *
         * @throws IllegalArgumentException when it is none of those
         */
        public Builder host(String hosts) {
            String h = hosts.strip();
            this.host = h;
            int slash = h.indexOf('/');
            byte[] address = literal(slash < 0 ? h : h.substring(0, slash));
            if (address != null) {
                int bits = address.length * 8;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(h.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        bits = -1;
                    }
                    if (bits < 0 || bits > address.length * 8) {
                        throw new IllegalArgumentException("'" + h + "': a prefix length must be 0 to " + address.length * 8);
                    }
                }
                this.network = address;
                this.prefix = bits;
                this.hostName = null;
                return this;
            }
            if (slash >= 0 || !NAME.matcher(h).matches()) {
                throw new IllegalArgumentException("'" + h + "' is not an address, a CIDR range (192.0.2.0/24) or a host name");
            }
            this.network = null;
            this.hostName = h.toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * The port: {@code 22/tcp}, {@code 161/udp}, or {@code 22} for any protocol.
         *
         * @throws IllegalArgumentException when it is not one
         */
        public Builder port(String portSpec) {
            var m = PORT.matcher(portSpec.strip().toLowerCase(Locale.ROOT));
            if (!m.matches() || Integer.parseInt(m.group(1)) > 65535) {
                throw new IllegalArgumentException("'" + portSpec + "' is not a port like 22/tcp, 161/udp or 22");
            }
            this.port = Integer.valueOf(m.group(1));
            this.protocol = m.group(2);
            return this;
        }

        /** The service, as nmap names it ({@code ms-wbt-server}, {@code postgresql}). */
        public Builder service(String name) {
            this.service = name.strip();
            return this;
        }

        /** The script whose output changes ({@code ssl-cert}); the rule is then about script changes. */
        public Builder script(String id) {
            this.script = id.strip();
            return this;
        }

        /**
         * The kind of finding, by its id ({@code port-opened}, {@code host-gone}, ...).
         *
         * @throws IllegalArgumentException naming the kinds when it is none of them
         */
        public Builder kind(String id) {
            String given = id.strip();
            this.kind = Finding.Kind.of(RENAMED_KINDS.getOrDefault(given, given));
            return this;
        }

        /** Why the team wrote the rule, for the people who read it later. */
        public Builder reason(String why) {
            this.reason = why;
            return this;
        }

        /** Where the rule was written, for messages: {@code rules.yaml:12}. */
        public Builder source(String where) {
            this.source = where;
            return this;
        }

        /**
         * Returns the rule.
         *
         * @throws IllegalArgumentException when an expectation names no port, or a rule matches every finding (an ignore rule of
         *         every host and nothing else too)
         */
        public Rule build() {
            if (action == Action.EXPECT && port == null) {
                throw new IllegalArgumentException("an expect rule needs a port (22/tcp): it says which open port is expected");
            }
            if (host == null && port == null && protocol == null && service == null && script == null && kind == null) {
                throw new IllegalArgumentException("a rule needs at least one of host, port, service, script or kind;"
                        + " one that matches everything would hide every finding");
            }
            Rule rule = new Rule(this);
            if (action == Action.IGNORE && rule.everyHost() && rule.hostsOnly()) {
                throw new IllegalArgumentException("an ignore rule for host '" + host + "' and nothing else would hide every finding;"
                        + " name a port, service, script or kind with it");
            }
            return rule;
        }
    }
}
