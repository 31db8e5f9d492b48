package io.github.nmapdiff.core.model;

import io.github.nmapdiff.core.diff.Change;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something the nightly job reports: what happened to which host or port, how serious it is,
 * and since when the job has known the host or port. Immutable. The job's memory makes them
 * with the factory of each kind ({@link #newPort}, {@link #hostGone}, ...); a store that keeps
 * them reads them back with {@link #builder}.
 *
 * <p>These are the job's findings, what it tells people, and are not ndiff's changes between
 * two scans ({@code Change}): a port ndiff sees open tonight may be
 * no finding (it was open last week), and a closure the job confirms tonight may be no change
 * of ndiff's (the port closed two scans ago). Their kinds have ids of their own.
 */
public final class Finding {

    /** What happened. May gain constants in a minor version. */
    public enum Kind {
        /** A port is open that was not known open: first seen, or back after a confirmed closure. */
        NEW_PORT("opened"),
        /** An open port has been closed or filtered for the confirmation window. */
        PORT_GONE("closed"),
        /** The product, or the major or minor version, on an open port changed; the service is the same. */
        VERSION_CHANGED("version changed"),
        /** The same product on an open port is at another patch level (same major and minor version): an update. */
        PATCH_UPDATE("patch update"),
        /** Another service answers on an open port. */
        SERVICE_REPLACED("service replaced"),
        /** A script's output on an open port or host changed (time-like output aside). */
        SCRIPT_OUTPUT_CHANGED("script output changed"),
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

        /** Returns the id used in JSON and rules: {@code new-port}, {@code host-gone}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Returns the words people read: {@code opened}, {@code host gone}. */
        public String label() {
            return label;
        }

        /**
         * Returns the kind with an id.
         *
         * @param id the id, as {@link #id()} gives it
         * @return the kind
         * @throws IllegalArgumentException naming the kinds when {@code id} is none of them
         */
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not a kind of finding; the kinds are "
                    + String.join(", ", Arrays.stream(values()).map(Kind::id).toList()));
        }
    }

    private final Kind kind;
    private final Severity severity;
    private final HostIdentity host;
    private final @Nullable String port;
    private final @Nullable String service;
    private final @Nullable String before;
    private final @Nullable String after;
    private final @Nullable Instant firstSeen;
    private final @Nullable Instant lastSeen;
    private final @Nullable String note;

    private Finding(Builder b) {
        this.kind = b.kind;
        this.severity = b.severity;
        this.host = b.host;
        this.port = b.port;
        this.service = b.service;
        this.before = b.before;
        this.after = b.after;
        this.firstSeen = b.firstSeen;
        this.lastSeen = b.lastSeen;
        this.note = b.note;
    }

    /**
     * A port open that was not known open.
     *
     * @param host the host; never null
     * @param port the port, as {@code 5432/tcp}; never null
     * @param service nmap's name of the service; may be null
     * @param version the product and version; may be null
     * @param severity how serious its exposure is; never null
     * @param firstSeen when it was first seen open (tonight, for a port never seen before); never null
     * @param lastSeen when it was last seen open before (tonight, for a port never seen before); never null
     * @return the finding, never null
     */
    public static Finding newPort(HostIdentity host, String port, @Nullable String service, @Nullable String version, Severity severity, @Nullable Instant firstSeen,
            @Nullable Instant lastSeen) {
        return builder(Kind.NEW_PORT, severity, host).port(port).service(service).after(version).seen(firstSeen, lastSeen).build();
    }

    /**
     * An open port whose closure the confirmation window confirmed.
     *
     * @param host the host; never null
     * @param port the port; never null
     * @param service the service it had; may be null
     * @param firstSeen when it was first seen open; may be null
     * @param lastSeen when it was last seen open; may be null
     * @return the finding, never null
     */
    public static Finding portGone(HostIdentity host, String port, @Nullable String service, @Nullable Instant firstSeen, @Nullable Instant lastSeen) {
        return builder(Kind.PORT_GONE, Severity.MEDIUM, host).port(port).service(service).seen(firstSeen, lastSeen).build();
    }

    /**
     * The product or version of a service changed.
     *
     * @param host the host; never null
     * @param port the port; never null
     * @param service the service; may be null
     * @param from the version it had; may be null
     * @param to the version it has; may be null
     * @param severity how serious the change is; never null
     * @param firstSeen when the port was first seen open; may be null
     * @return the finding, never null
     */
    public static Finding versionChanged(HostIdentity host, String port, @Nullable String service, @Nullable String from, @Nullable String to, Severity severity,
            @Nullable Instant firstSeen) {
        return builder(Kind.VERSION_CHANGED, severity, host).port(port).service(service).before(from).after(to)
                .seen(firstSeen, null).build();
    }

    /**
     * The same product on an open port at another patch level: its major and minor version are
     * the same ({@code OpenSSH 9.2p1 Debian 2+deb12u3 -> ...deb12u4}, {@code nginx 1.22.1 -> 1.22.2}).
     *
     * @param host the host; never null
     * @param port the port; never null
     * @param service the service; may be null
     * @param from the product and version it had; never null
     * @param to the product and version it has; never null
     * @param firstSeen when the port was first seen open; may be null
     * @return the finding, low, never null
     */
    public static Finding patchUpdate(HostIdentity host, String port, @Nullable String service, String from, String to, @Nullable Instant firstSeen) {
        return builder(Kind.PATCH_UPDATE, Severity.LOW, host).port(port).service(service).before(Objects.requireNonNull(from, "from"))
                .after(Objects.requireNonNull(to, "to")).seen(firstSeen, null).build();
    }

    /**
     * Returns the product a version text names: its words up to the first that starts with a
     * digit ({@code OpenSSH} of {@code OpenSSH 9.2p1 Debian 2+deb12u3}); the whole text when no
     * word does.
     *
     * @param version a product and version, as {@link #before()} gives it; may be null
     * @return the product; null for null
     */
    public static @Nullable String product(@Nullable String version) {
        if (version == null) {
            return null;
        }
        String[] words = version.split(" ");
        StringBuilder product = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
                break;
            }
            product.append(product.length() == 0 ? "" : " ").append(w);
        }
        return product.length() == 0 ? version : product.toString();
    }

    /**
     * Another service answers on an open port.
     *
     * @param host the host; never null
     * @param port the port; never null
     * @param service the service now; may be null
     * @param from the service and version it had; may be null
     * @param to the service and version it has; may be null
     * @param severity how serious the new service is; never null
     * @param firstSeen when the port was first seen open; may be null
     * @return the finding, never null
     */
    public static Finding serviceReplaced(HostIdentity host, String port, @Nullable String service, @Nullable String from, @Nullable String to, Severity severity,
            @Nullable Instant firstSeen) {
        return builder(Kind.SERVICE_REPLACED, severity, host).port(port).service(service).before(from).after(to)
                .seen(firstSeen, null).build();
    }

    /**
     * A script's output changed.
     *
     * @param host the host; never null
     * @param port the port; null for a host script
     * @param script the script id; never null
     * @return the finding, never null
     */
    public static Finding scriptOutputChanged(HostIdentity host, @Nullable String port, String script) {
        return builder(Kind.SCRIPT_OUTPUT_CHANGED, Severity.LOW, host).port(port).service(Objects.requireNonNull(script, "script"))
                .build();
    }

    /**
     * A host answers that never did.
     *
     * @param host the host; never null
     * @param when when it answered; never null
     * @return the finding, never null
     */
    public static Finding hostNew(HostIdentity host, Instant when) {
        return builder(Kind.HOST_NEW, Severity.MEDIUM, host).seen(when, when).build();
    }

    /**
     * A host answers again after it was confirmed gone.
     *
     * @param host the host; never null
     * @param firstSeen when it first answered; may be null
     * @param lastSeen when it last answered before it went; may be null
     * @return the finding, never null
     */
    public static Finding hostReturned(HostIdentity host, @Nullable Instant firstSeen, @Nullable Instant lastSeen) {
        return builder(Kind.HOST_RETURNED, Severity.MEDIUM, host).seen(firstSeen, lastSeen).build();
    }

    /**
     * A host that stopped answering, confirmed.
     *
     * @param host the host; never null
     * @param firstSeen when it first answered; may be null
     * @param lastSeen when it last answered; may be null
     * @return the finding, never null
     */
    public static Finding hostGone(HostIdentity host, @Nullable Instant firstSeen, @Nullable Instant lastSeen) {
        return builder(Kind.HOST_GONE, Severity.MEDIUM, host).seen(firstSeen, lastSeen).build();
    }

    /**
     * A host's name changed for good.
     *
     * @param host the host, under its new name; never null
     * @param from the name it had; may be null
     * @param firstSeen when it first answered; may be null
     * @return the finding, never null
     */
    public static Finding hostRenamed(HostIdentity host, @Nullable String from, @Nullable Instant firstSeen) {
        return builder(Kind.HOST_RENAMED, Severity.LOW, host).before(from).after(host.name()).seen(firstSeen, null).build();
    }

    /**
     * An expected open port still open the day after its expectation's last day.
     *
     * @param host the host; never null
     * @param port the port; never null
     * @param service its service; may be null
     * @param until the expectation's last day; never null
     * @param reason why the team accepted it, with its ticket; may be null
     * @param severity how serious the exposure is; never null
     * @param firstSeen when it was first seen open; may be null
     * @param lastSeen when it was last seen open; may be null
     * @return the finding, never null
     */
    public static Finding expectationEnded(HostIdentity host, String port, @Nullable String service, LocalDate until, @Nullable String reason,
            Severity severity, @Nullable Instant firstSeen, @Nullable Instant lastSeen) {
        return builder(Kind.EXPECTATION_ENDED, severity, host).port(port).service(service).after(until.toString()).note(reason)
                .seen(firstSeen, lastSeen).build();
    }

    /**
     * Starts a finding of any kind, for a store that reads back what it kept; the memory uses the
     * factories of each kind.
     *
     * @param kind what happened; never null
     * @param severity how serious it is; never null
     * @param host the host; never null
     * @return the builder, never null
     */
    public static Builder builder(Kind kind, Severity severity, HostIdentity host) {
        return new Builder(kind, severity, host);
    }

    /** Returns a builder holding everything this finding says. */
    public Builder toBuilder() {
        return new Builder(kind, severity, host).port(port).service(service).before(before).after(after).seen(firstSeen, lastSeen)
                .note(note);
    }

    /** Returns this finding with another severity (a rule's). */
    public Finding withSeverity(Severity other) {
        return toBuilder().severity(other).build();
    }

    /** Returns what happened; never null. */
    public Kind kind() {
        return kind;
    }

    /** Returns how serious it is; never null. */
    public Severity severity() {
        return severity;
    }

    /** Returns the host; never null. */
    public HostIdentity host() {
        return host;
    }

    /**
     * Returns the host's address tonight (its first: IPv4, IPv6, MAC), or its key when it has
     * none (a host known by name); never null. A device that moved keeps its key (see
     * {@link #key()}) and is at this address now.
     */
    public String address() {
        return host.address() != null ? host.address() : host.key();
    }

    /** Returns the key the memory knows the host by: the address it was first seen at, or its MAC; never null. */
    public String key() {
        return host.key();
    }

    /** Returns the host's name; null when it has none. */
    public @Nullable String hostName() {
        return host.name();
    }

    /** Returns the port as {@code 5432/tcp}; null for a finding about the host. */
    public @Nullable String port() {
        return port;
    }

    /** Returns the service on the port ({@code postgresql}), or the script id for a script change; may be null. */
    public @Nullable String service() {
        return service;
    }

    /** Returns what it was (a version, a name); null where that says nothing. */
    public @Nullable String before() {
        return before;
    }

    /** Returns what it is now (a version, a name; for an ended expectation, its last day); null where that says nothing. */
    public @Nullable String after() {
        return after;
    }

    /** Returns when the job first saw the host or port (for a new one: now); null when unknown. */
    public @Nullable Instant firstSeen() {
        return firstSeen;
    }

    /** Returns when the job last saw it answer or open (for a confirmed removal: the last time); null when unknown. */
    public @Nullable Instant lastSeen() {
        return lastSeen;
    }

    /** Returns what else people should read with it (an accepted risk's reason and ticket); null when nothing. */
    public @Nullable String note() {
        return note;
    }

    /** Returns the host as people know it: {@code db3.example.com (192.0.2.201)}, or the address alone. */
    public String where() {
        return host.where();
    }

    /** Returns one line for people: {@code 5432/tcp postgresql opened on db3.example.com (192.0.2.201)}. */
    public String describe() {
        return switch (kind) {
            case NEW_PORT, PORT_GONE -> port + (service == null ? "" : " " + service) + " " + kind.label() + " on " + where();
            case VERSION_CHANGED, PATCH_UPDATE -> port + " " + service + " " + kind.label() + " on " + where() + ": " + text(before)
                    + " -> " + text(after);
            case SERVICE_REPLACED -> port + " service replaced on " + where() + ": " + text(before) + " -> " + text(after);
            case SCRIPT_OUTPUT_CHANGED -> (port == null ? "" : port + " ") + service + " output changed on " + where();
            case HOST_NEW, HOST_RETURNED, HOST_GONE -> kind.label() + ": " + where();
            case HOST_RENAMED -> "host renamed: " + (host.address() != null ? host.address() : host.key()) + " " + text(before)
                    + " -> " + text(after);
            case EXPECTATION_ENDED -> port + (service == null ? "" : " " + service) + " still open on " + where()
                    + ", accepted until " + after;
        };
    }

    private static String text(@Nullable String s) {
        return s == null || s.isEmpty() ? "(none)" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && kind == f.kind && severity == f.severity && host.equals(f.host)
                && Objects.equals(port, f.port) && Objects.equals(service, f.service) && Objects.equals(before, f.before)
                && Objects.equals(after, f.after) && Objects.equals(firstSeen, f.firstSeen) && Objects.equals(lastSeen, f.lastSeen)
                && Objects.equals(note, f.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, host.key(), port, service, after);
    }

    @Override
    public String toString() {
        return "[" + severity.id() + "] " + describe();
    }

    /** Builds a {@link Finding}; not thread-safe. */
    public static final class Builder {
        private final Kind kind;
        private Severity severity;
        private final HostIdentity host;
        private @Nullable String port;
        private @Nullable String service;
        private @Nullable String before;
        private @Nullable String after;
        private @Nullable Instant firstSeen;
        private @Nullable Instant lastSeen;
        private @Nullable String note;

        private Builder(Kind kind, Severity severity, HostIdentity host) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.severity = Objects.requireNonNull(severity, "severity");
            this.host = Objects.requireNonNull(host, "host");
        }

        /** The severity. */
        public Builder severity(Severity s) {
            this.severity = Objects.requireNonNull(s, "s");
            return this;
        }

        /** The port, as {@code 5432/tcp}; null for the host itself. */
        public Builder port(@Nullable String p) {
            this.port = p;
            return this;
        }

        /** The service, or the script id of a script change. */
        public Builder service(@Nullable String s) {
            this.service = s;
            return this;
        }

        /** What it was. */
        public Builder before(@Nullable String b) {
            this.before = b;
            return this;
        }

        /** What it is now. */
        public Builder after(@Nullable String a) {
            this.after = a;
            return this;
        }

        /** When the job first and last saw the host or port; either may be null. */
        public Builder seen(@Nullable Instant first, @Nullable Instant last) {
            this.firstSeen = first;
            this.lastSeen = last;
            return this;
        }

        /** What people should read with it. */
        public Builder note(@Nullable String n) {
            this.note = n;
            return this;
        }

        /** Returns the finding. */
        public Finding build() {
            return new Finding(this);
        }
    }
}
