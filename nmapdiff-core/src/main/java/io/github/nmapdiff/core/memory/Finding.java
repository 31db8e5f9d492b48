package io.github.nmapdiff.core.memory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Something the nightly job reports: what happened to which host or port, how serious it is,
 * and since when the job has known the host or port. Immutable.
 */
public final class Finding {

    /** What happened. May gain constants in a minor version. */
    public enum Kind {
        /** A port is open that was not (first seen, or back after a confirmed closure). */
        PORT_OPENED("opened"),
        /** An open port has been closed or filtered for the confirmation window. */
        PORT_CLOSED("closed"),
        /** The product or version on an open port changed; the service is the same. */
        SERVICE_CHANGED("version changed"),
        /** Another service answers on an open port. */
        SERVICE_REPLACED("service replaced"),
        /** A script's output on an open port or host changed (time-like output aside). */
        SCRIPT_CHANGED("script output changed"),
        /** A host answers that never did. */
        HOST_NEW("new host"),
        /** A host answers again after it was confirmed gone. */
        HOST_RETURNED("host back"),
        /** A host has not answered for the confirmation window. */
        HOST_GONE("host gone"),
        /** A host's name changed, and stayed changed for the confirmation window. */
        HOST_RENAMED("host renamed"),
        /** An expected open port is still open the day after its expectation's last day. */
        EXPECTATION_ENDED("still open after its accepted-until date");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Returns the id used in JSON and rules: {@code port-opened}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Returns the words people read: {@code opened}, {@code host gone}. */
        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final Severity severity;
    private final String address;
    private final String hostName;
    private final String port;
    private final String service;
    private final String before;
    private final String after;
    private final Instant firstSeen;
    private final Instant lastSeen;

    private Finding(Kind kind, Severity severity, String address, String hostName, String port, String service, String before,
            String after, Instant firstSeen, Instant lastSeen) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.address = Objects.requireNonNull(address, "address");
        this.hostName = hostName;
        this.port = port;
        this.service = service;
        this.before = before;
        this.after = after;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
    }

    static Finding of(Kind kind, Severity severity, String address, String hostName, String port, String service, String before,
            String after, Instant firstSeen, Instant lastSeen) {
        return new Finding(kind, severity, address, hostName, port, service, before, after, firstSeen, lastSeen);
    }

    /** Returns this finding with another severity (a rule's). */
    public Finding withSeverity(Severity other) {
        return new Finding(kind, other, address, hostName, port, service, before, after, firstSeen, lastSeen);
    }

    /** Returns what happened; never null. */
    public Kind kind() {
        return kind;
    }

    /** Returns how serious it is; never null. */
    public Severity severity() {
        return severity;
    }

    /** Returns the host's key: its first address (IPv4, IPv6, MAC), or its name when it has none; never null. */
    public String address() {
        return address;
    }

    /** Returns the host's name; null when it has none. */
    public String hostName() {
        return hostName;
    }

    /** Returns the port as {@code 5432/tcp}; null for a finding about the host. */
    public String port() {
        return port;
    }

    /** Returns the service on the port ({@code postgresql}), or the script id for a script change; may be null. */
    public String service() {
        return service;
    }

    /** Returns what it was (a version, a name); null where that says nothing. */
    public String before() {
        return before;
    }

    /** Returns what it is now; null where that says nothing. */
    public String after() {
        return after;
    }

    /** Returns when the job first saw the host or port (for a new one: now); null when unknown. */
    public Instant firstSeen() {
        return firstSeen;
    }

    /** Returns when the job last saw it answer or open (for a confirmed removal: the last time); null when unknown. */
    public Instant lastSeen() {
        return lastSeen;
    }

    /** Returns the host as people know it: {@code db3.example.com (192.0.2.201)}, or the address alone. */
    public String where() {
        return where(hostName, address);
    }

    /** How people know a host: {@code name (address)}, or the address alone when it has no other name. */
    static String where(String name, String address) {
        return name == null || name.equals(address) ? address : name + " (" + address + ")";
    }

    /**
     * Returns one line for people: {@code 5432/tcp postgresql opened on db3.example.com (192.0.2.201)}.
     */
    public String describe() {
        String what = switch (kind) {
            case PORT_OPENED, PORT_CLOSED -> port + (service == null ? "" : " " + service) + " " + kind.label() + " on " + where();
            case SERVICE_CHANGED -> port + " " + service + " version changed on " + where() + ": " + text(before) + " -> " + text(after);
            case SERVICE_REPLACED -> port + " service replaced on " + where() + ": " + text(before) + " -> " + text(after);
            case SCRIPT_CHANGED -> (port == null ? "" : port + " ") + service + " output changed on " + where();
            case HOST_NEW, HOST_RETURNED, HOST_GONE -> kind.label() + ": " + where();
            case HOST_RENAMED -> "host renamed: " + address + " " + text(before) + " -> " + text(after);
            case EXPECTATION_ENDED -> port + (service == null ? "" : " " + service) + " still open on " + where()
                    + ", accepted until " + after;
        };
        return what;
    }

    private static String text(String s) {
        return s == null || s.isEmpty() ? "(none)" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && kind == f.kind && severity == f.severity && address.equals(f.address)
                && Objects.equals(hostName, f.hostName) && Objects.equals(port, f.port) && Objects.equals(service, f.service)
                && Objects.equals(before, f.before) && Objects.equals(after, f.after) && Objects.equals(firstSeen, f.firstSeen)
                && Objects.equals(lastSeen, f.lastSeen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, address, port, service, after);
    }

    @Override
    public String toString() {
        return "[" + severity.id() + "] " + describe();
    }
}
