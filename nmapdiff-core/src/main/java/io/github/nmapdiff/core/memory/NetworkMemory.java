package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.KnownHost;
import io.github.nmapdiff.core.model.KnownPort;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The nightly job's memory of one scope: every host that has answered and every port that has
 * been open, when first and last seen, and what the job last reported of them (open or gone,
 * the service and version, the name). Each scan is {@link #absorb absorbed} once, in the order
 * taken, and gives a {@link Triage}: exposure is reported on the night it is seen, a removal
 * only once the policy's number of complete scans confirm it.
 *
 * <p>It is derived from the scans alone, so it can always be rebuilt from them; kept by the
 * store, it outlives retention, so a host seen a year ago is not new when it answers again.
 * Not thread-safe: one run absorbs at a time (under the store's lock).
 *
 * <ul>
 *   <li>A host is keyed by its first address (IPv4, IPv6, then MAC, as ndiff orders them), so
 *       a reverse-DNS name that comes and goes does not make it another host.</li>
 *   <li>A host answers when nmap found it up for a reason of its own, or (with {@code -Pn},
 *       where every host is "up") when any port answered: open, closed or unfiltered.</li>
 *   <li>A UDP port in {@code open|filtered} neither opens a port nor closes an open one.</li>
 *   <li>A service that detection did not identify this time keeps the one it had.</li>
 *   <li>Script output is compared with dates and clock times taken out, and not at all for
 *       the policy's volatile scripts.</li>
 *   <li>An incomplete scan reports what it saw open or changed on the hosts it reached, and
 *       counts toward no confirmation.</li>
 * </ul>
 */
public final class NetworkMemory {
    private static final String HEADER = "nmapdiff-memory\t1";
    /** Dates and clock times in script output: ISO and RFC 2822 dates, times of day, epoch seconds. */
    private static final Pattern TIME_LIKE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +\\d{1,2} +\\w{3} +\\d{4}"
                    + "|\\b\\w{3} +\\w{3} +\\d{1,2} +\\d{2}:\\d{2}:\\d{2} +\\d{4}"
                    + "|\\b\\d{1,2}:\\d{2}:\\d{2}(\\.\\d+)?\\b"
                    + "|\\b1\\d{9}\\b");

    private List<String> targets = List.of();
    private List<String> arguments = List.of();
    private String through;
    private Instant throughTime;
    private final TreeMap<String, HostMemory> hosts = new TreeMap<>();
    private final List<Night> nights = new ArrayList<>();

    private NetworkMemory() {
    }

    /**
     * Returns an empty memory of a scope.
     *
     * @param targets the scope's targets, never null
     * @param arguments the scope's engine arguments, never null
     * @return the memory, never null
     */
    public static NetworkMemory empty(List<String> targets, List<String> arguments) {
        NetworkMemory m = new NetworkMemory();
        m.targets = List.copyOf(targets);
        m.arguments = List.copyOf(arguments);
        return m;
    }

    /** Returns the targets of the scope it remembers. */
    public List<String> targets() {
        return targets;
    }

    /** Returns the engine arguments of the scope it remembers. */
    public List<String> arguments() {
        return arguments;
    }

    /** Returns the id of the last snapshot absorbed; null before the first. */
    public String through() {
        return through;
    }

    /** Returns when the last snapshot absorbed was taken; null before the first. */
    public Instant throughTime() {
        return throughTime;
    }

    /** Returns how many hosts it remembers (answering or gone). */
    public int hostCount() {
        return hosts.size();
    }

    /** What the memory knows of one host. */
    static final class HostMemory {
        String name;
        Instant firstSeen;
        Instant lastSeen;
        boolean present;
        int missing;
        boolean namePending;
        String pendingName;
        int nameMisses;
        Instant missingSince;
        final TreeMap<String, PortMemory> ports = new TreeMap<>();
        final TreeMap<String, String> scripts = new TreeMap<>();
        final List<TimelineEvent> events = new ArrayList<>();
        final EnumMap<HeldBack.Reason, Integer> noise = new EnumMap<>(HeldBack.Reason.class);
    }

    /** What the memory knows of one port of a host: only ports that have been open are remembered. */
    static final class PortMemory {
        Instant firstSeen;
        Instant lastSeen;
        boolean open;
        int missing;
        String service;
        String version;
        Instant missingSince;
        final TreeMap<String, String> scripts = new TreeMap<>();
    }

    /**
     * Absorbs a scan: updates what the memory knows, and says what to report.
     *
     * @param snapshotId the id of the scan's snapshot, remembered as {@link #through()}; never null
     * @param scan the scan; never null
     * @param when when the scan was taken; never null
     * @param policy how to tell noise from news; never null
     * @param silent true to learn without reporting (a baseline, or catching up on scans already reported)
     * @return what to report; empty when {@code silent}
     */
    public Triage absorb(String snapshotId, Scan scan, Instant when, NoisePolicy policy, boolean silent) {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(when, "when");
        boolean first = through == null && hosts.isEmpty();
        Absorption a = new Absorption(scan.complete(), when, policy);
        Set<String> reached = new HashSet<>();
        for (Host host : scan.hosts()) {
            String key = key(host);
            if (key == null || !reached.add(key)) {
                continue; // neither address nor name, or listed twice: the first listing counts
            }
            a.host(key, host);
        }
        for (Map.Entry<String, HostMemory> e : hosts.entrySet()) {
            if (!reached.contains(e.getKey())) {
                a.notAnswering(e.getKey(), e.getValue());
            }
        }
        through = snapshotId;
        throughTime = when;
        EnumMap<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        if (!first) {
            a.findings.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        }
        nights.add(new Night(snapshotId, when, scan.complete(), first, bySeverity, HeldBack.of(a.held)));
        return silent ? Triage.none() : Triage.of(a.findings, HeldBack.of(a.held));
    }

    /** One scan's absorption: the findings and held-back counts as they accrue. */
    private final class Absorption {
        final boolean complete;
        final Instant when;
        final NoisePolicy policy;
        final List<Finding> findings = new ArrayList<>();
        final EnumMap<HeldBack.Reason, Integer> held = new EnumMap<>(HeldBack.Reason.class);
        /** The host being absorbed, to which what is held back is counted. */
        HostMemory current;

        Absorption(boolean complete, Instant when, NoisePolicy policy) {
            this.complete = complete;
            this.when = when;
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        void hold(HeldBack.Reason reason) {
            held.merge(reason, 1, Integer::sum);
            if (current != null) {
                current.noise.merge(reason, 1, Integer::sum);
            }
        }

        /** A finding: reported (unless silent), and an event of the host's timeline, dated when it happened. */
        void found(HostMemory h, Finding f, Instant happened) {
            findings.add(f);
            h.events.add(new TimelineEvent(happened, f.kind(), f.port(), f.service(), f.before(), f.after()));
        }

        void host(String key, Host host) {
            HostMemory h = hosts.get(key);
            current = h;
            if (!answering(host)) {
                if (h != null) {
                    notAnswering(key, h);
                }
                return;
            }
            String name = nameOf(host);
            boolean isNew = false;
            if (h == null) {
                h = new HostMemory();
                h.firstSeen = when;
                h.name = name;
                hosts.put(key, h);
                current = h;
                found(h, Finding.hostNew(id(key, host, name), when), when);
                isNew = true;
            } else if (!h.present) {
                found(h, Finding.hostReturned(id(key, host, name), h.firstSeen, h.lastSeen), when);
                isNew = true;
            } else if (h.missing > 0) {
                hold(HeldBack.Reason.RETURNED);
            }
            h.present = true;
            h.missing = 0;
            h.missingSince = null;
            h.lastSeen = when;
            rename(key, h, name);
            ports(key, h, host, isNew);
            scripts(key, h, null, h.scripts, host.scripts(), isNew);
        }

        void notAnswering(String key, HostMemory h) {
            current = h;
            if (!h.present || !complete) {
                return;
            }
            if (h.missing == 0) {
                h.missingSince = when;
            }
            h.missing++;
            if (h.missing < policy.confirmAfter()) {
                hold(HeldBack.Reason.HOST_NOT_ANSWERING);
                return;
            }
            found(h, Finding.hostGone(id(key, h), h.firstSeen, h.lastSeen), h.missingSince);
            h.present = false;
            h.missing = 0;
            for (PortMemory p : h.ports.values()) {
                p.open = false; // gone with its host, not reported one by one
                p.missing = 0;
            }
        }

        void rename(String key, HostMemory h, String name) {
            if (Objects.equals(name, h.name)) {
                h.namePending = false;
                h.pendingName = null;
                h.nameMisses = 0;
                return;
            }
            if (!complete) {
                hold(HeldBack.Reason.NAME_CHANGED);
                return;
            }
            if (h.namePending && Objects.equals(name, h.pendingName)) {
                h.nameMisses++;
            } else {
                h.namePending = true;
                h.pendingName = name;
                h.nameMisses = 1;
            }
            if (h.nameMisses < policy.confirmAfter()) {
                hold(HeldBack.Reason.NAME_CHANGED);
                return;
            }
            found(h, Finding.hostRenamed(id(key, h).withName(name), h.name, h.firstSeen), when);
            h.name = name;
            h.namePending = false;
            h.pendingName = null;
            h.nameMisses = 0;
        }

        void ports(String key, HostMemory h, Host host, boolean hostIsNew) {
            Map<String, Port> observed = new LinkedHashMap<>();
            for (Port p : host.ports()) {
                observed.put(portKey(p), p); // the last listing wins, as in ndiff
            }
            for (Map.Entry<String, Port> e : observed.entrySet()) {
                String portKey = e.getKey();
                Port p = e.getValue();
                PortMemory m = h.ports.get(portKey);
                boolean open = p.state() == PortState.OPEN;
                boolean udpMaybe = p.protocol() == Protocol.UDP && p.state() == PortState.OPEN_FILTERED;
                if (open || udpMaybe && m != null && m.open) {
                    if (udpMaybe && !open) {
                        hold(HeldBack.Reason.UDP_OPEN_FILTERED);
                    }
                    boolean justOpened = false;
                    if (m == null) {
                        m = new PortMemory();
                        m.firstSeen = when;
                        h.ports.put(portKey, m);
                        justOpened = true;
                    } else if (!m.open) {
                        justOpened = true;
                    } else if (m.missing > 0) {
                        hold(HeldBack.Reason.RETURNED);
                    }
                    if (justOpened) {
                        String service = serviceName(p.service());
                        found(h, Finding.newPort(id(key, h), portKey, service, version(p.service()), Severities.opened(portKey, service),
                                when), when);
                        m.service = service;
                        m.version = version(p.service());
                    } else {
                        service(key, h, portKey, m, p.service());
                    }
                    m.open = true;
                    m.missing = 0;
                    m.missingSince = null;
                    m.lastSeen = when;
                    scripts(key, h, portKey, m.scripts, p.scripts(), justOpened || hostIsNew);
                } else if (m != null && m.open) {
                    portNotOpen(key, h, portKey, m);
                }
            }
            for (Map.Entry<String, PortMemory> e : h.ports.entrySet()) {
                if (!observed.containsKey(e.getKey()) && e.getValue().open) {
                    portNotOpen(key, h, e.getKey(), e.getValue());
                }
            }
        }

        void portNotOpen(String key, HostMemory h, String portKey, PortMemory m) {
            if (!complete) {
                return;
            }
            if (m.missing == 0) {
                m.missingSince = when;
            }
            m.missing++;
            if (m.missing < policy.confirmAfter()) {
                hold(HeldBack.Reason.PORT_NOT_OPEN);
                return;
            }
            found(h, Finding.portGone(id(key, h), portKey, m.service, m.firstSeen, m.lastSeen), m.missingSince);
            m.open = false;
            m.missing = 0;
        }

        void service(String key, HostMemory h, String portKey, PortMemory m, Service s) {
            String name = serviceName(s);
            String version = version(s);
            boolean guessed = s == null || "table".equals(s.method()) || name == null;
            if (guessed) {
                if (!Objects.equals(name, m.service) || !Objects.equals(version, m.version)) {
                    hold(HeldBack.Reason.SERVICE_UNIDENTIFIED);
                }
                return;
            }
            if (!name.equals(m.service)) {
                found(h, Finding.serviceReplaced(id(key, h), portKey, name, join(m.service, m.version), join(name, version),
                        Severities.opened(portKey, name), m.firstSeen), when);
            } else if (version == null && m.version != null) {
                hold(HeldBack.Reason.SERVICE_UNIDENTIFIED);
                return;
            } else if (!Objects.equals(version, m.version)) {
                found(h, Finding.versionChanged(id(key, h), portKey, name, m.version, version, Severity.LOW, m.firstSeen), when);
            }
            m.service = name;
            m.version = version;
        }

        void scripts(String key, HostMemory h, String portKey, TreeMap<String, String> known, List<ScriptResult> results,
                boolean learnOnly) {
            for (ScriptResult r : results) {
                String normalized = digest(TIME_LIKE.matcher(r.output()).replaceAll("#"));
                String raw = digest(r.output());
                String now = normalized + ":" + raw;
                String before = known.put(r.id(), now);
                if (before == null || before.equals(now) || learnOnly) {
                    continue;
                }
                if (policy.volatileScripts().contains(r.id()) || before.startsWith(normalized + ":")) {
                    hold(HeldBack.Reason.VOLATILE_SCRIPT);
                } else {
                    found(h, Finding.scriptOutputChanged(id(key, h), portKey, r.id()), when);
                }
            }
        }
    }

    // ---------------------------------------------------------------- what a host is

    private static HostIdentity id(String key, HostMemory h) {
        return HostIdentity.of(key, key, h.name, null);
    }

    private static HostIdentity id(String key, Host host, String name) {
        return HostIdentity.of(key, key, name, null);
    }

    /** Returns a host's key: its first address in ndiff's order, else its first name; null with neither. */
    static String key(Host host) {
        NdiffHost h = NdiffHost.of(host);
        List<Address> addresses = h.sortedAddresses();
        if (!addresses.isEmpty()) {
            return addresses.get(0).address();
        }
        List<String> names = h.sortedHostNames();
        return names.isEmpty() ? null : names.get(0);
    }

    private static String nameOf(Host host) {
        List<String> names = NdiffHost.of(host).sortedHostNames();
        return names.isEmpty() ? null : names.get(0);
    }

    /**
     * Returns whether a host answered: up for a reason of its own, or, when nmap was told it is
     * up ({@code -Pn}), with a port that answered.
     */
    static boolean answering(Host host) {
        if (host.status().state() != HostState.UP) {
            return false;
        }
        if (!"user-set".equals(host.status().reason())) {
            return true;
        }
        for (Port p : host.ports()) {
            if (answered(p.state())) {
                return true;
            }
        }
        for (ExtraPorts e : host.extraPorts()) {
            if (answered(e.state())) {
                return true;
            }
        }
        return false;
    }

    private static boolean answered(PortState state) {
        return state == PortState.OPEN || state == PortState.CLOSED || state == PortState.UNFILTERED;
    }

    static String portKey(Port p) {
        return p.number() + "/" + p.protocol().nmapName();
    }

    private static String serviceName(Service s) {
        return s == null || s.name() == null || s.name().isBlank() ? null : s.name();
    }

    private static String version(Service s) {
        if (s == null) {
            return null;
        }
        String v = join(s.product(), s.version());
        return v == null || v.isBlank() ? null : v;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- what it knows, for questions

    /**
     * Returns when a host was first seen answering, if ever.
     *
     * @param address the host's key (its first address)
     * @return the time, or empty when the memory does not know the host
     */
    public Optional<Instant> firstSeen(String address) {
        HostMemory h = hosts.get(address);
        return h == null ? Optional.empty() : Optional.of(h.firstSeen);
    }

    /**
     * Returns when a port of a host was first seen open, if ever.
     *
     * @param address the host's key (its first address)
     * @param port the port, as {@code 5432/tcp}
     * @return the time, or empty when the memory never saw the port open
     */
    public Optional<Instant> firstSeen(String address, String port) {
        HostMemory h = hosts.get(address);
        PortMemory p = h == null ? null : h.ports.get(port);
        return p == null ? Optional.empty() : Optional.of(p.firstSeen);
    }

    /** Returns the ports the memory holds open now, by host key; for tests and questions. */
    public Map<String, List<String>> openPorts() {
        Map<String, List<String>> open = new TreeMap<>();
        hosts.forEach((key, h) -> {
            List<String> ports = h.ports.entrySet().stream().filter(e -> e.getValue().open && h.present).map(Map.Entry::getKey)
                    .toList();
            if (!ports.isEmpty()) {
                open.put(key, ports);
            }
        });
        return open;
    }

    /**
     * Returns a reminder for each port an expectation took in that is open now: the day after
     * its last day, an accepted risk must be looked at again.
     */
    List<Finding> expired(Rule expectation) {
        List<Finding> reminders = new ArrayList<>();
        hosts.forEach((key, h) -> h.ports.forEach((port, p) -> {
            if (h.present && p.open && expectation.covers(key, h.name, port)) {
                reminders.add(Finding.expectationEnded(id(key, h), port, p.service, expectation.until(), expectation.reason(),
                        Severities.opened(port, p.service), p.firstSeen, p.lastSeen));
            }
        }));
        return reminders;
    }

    /** Returns every host the memory knows, in the order of their keys, with their ports and timelines. */
    public List<KnownHost> hosts() {
        List<KnownHost> all = new ArrayList<>(hosts.size());
        hosts.forEach((key, h) -> {
            List<KnownPort> ports = new ArrayList<>();
            h.ports.forEach((port, p) -> ports.add(new KnownPort(port, p.open && h.present, p.firstSeen, p.lastSeen, p.service,
                    p.version, Severities.opened(port, p.service))));
            all.add(new KnownHost(key, h.name, h.firstSeen, h.lastSeen, h.present, ports, h.events, h.noise));
        });
        return all;
    }

    /** Returns what each scan the memory absorbed told it, oldest first. */
    public List<Night> nights() {
        return List.copyOf(nights);
    }

    /** Returns the hosts the memory holds as answering. */
    public List<String> presentHosts() {
        return hosts.entrySet().stream().filter(e -> e.getValue().present).map(Map.Entry::getKey).toList();
    }

    // ---------------------------------------------------------------- storage

    /** Returns the memory as text (UTF-8, one record per line), for the store; {@link #parse} reads it back. */
    public byte[] toBytes() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        line(out, "scope", String.join("\u001f", targets), String.join("\u001f", arguments));
        line(out, "through", through, time(throughTime));
        for (Night night : nights) {
            StringBuilder severities = new StringBuilder();
            night.findings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> severities.append(severities.length() == 0 ? "" : ",").append(e.getKey().id()).append('=').append(e.getValue()));
            StringBuilder held = new StringBuilder();
            night.heldBack().counts().forEach((r, n) -> held.append(held.length() == 0 ? "" : ",").append(r.id()).append('=').append(n));
            line(out, "night", night.snapshotId(), time(night.when()), bool(night.complete()), bool(night.baseline()),
                    severities.toString(), held.toString());
        }
        hosts.forEach((key, h) -> {
            line(out, "host", key, h.name, time(h.firstSeen), time(h.lastSeen), bool(h.present), String.valueOf(h.missing),
                    bool(h.namePending), h.pendingName, String.valueOf(h.nameMisses), time(h.missingSince));
            h.noise.forEach((r, n) -> line(out, "hnoise", r.id(), String.valueOf(n)));
            h.events.forEach(e -> line(out, "event", time(e.when()), e.kind().id(), e.port(), e.service(), e.before(), e.after()));
            h.scripts.forEach((id, digest) -> line(out, "hscript", id, digest));
            h.ports.forEach((port, p) -> {
                line(out, "port", port, time(p.firstSeen), time(p.lastSeen), bool(p.open), String.valueOf(p.missing), p.service,
                        p.version, time(p.missingSince));
                p.scripts.forEach((id, digest) -> line(out, "pscript", id, digest));
            });
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a memory written by {@link #toBytes()}.
     *
     * @param bytes the text, never null
     * @return the memory, never null
     * @throws IllegalArgumentException naming the line when the text is not a memory of this version
     */
    public static NetworkMemory parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("line 1: not an nmapdiff memory (expected '" + HEADER.replace('\t', ' ') + "')");
        }
        NetworkMemory m = new NetworkMemory();
        HostMemory host = null;
        PortMemory port = null;
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isEmpty()) {
                continue;
            }
            String[] f = lines[n].split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = unescape(f[i]);
            }
            try {
                switch (f[0]) {
                    case "scope" -> {
                        m.targets = f[1] == null || f[1].isEmpty() ? List.of() : List.of(f[1].split("\u001f"));
                        m.arguments = f[2] == null || f[2].isEmpty() ? List.of() : List.of(f[2].split("\u001f"));
                    }
                    case "through" -> {
                        m.through = f[1];
                        m.throughTime = f.length > 2 ? instant(f[2]) : null;
                    }
                    case "host" -> {
                        host = new HostMemory();
                        host.name = f[2];
                        host.firstSeen = instant(f[3]);
                        host.lastSeen = instant(f[4]);
                        host.present = "1".equals(f[5]);
                        host.missing = Integer.parseInt(f[6]);
                        host.namePending = "1".equals(f[7]);
                        host.pendingName = f[8];
                        host.nameMisses = Integer.parseInt(f[9]);
                        host.missingSince = f.length > 10 ? instant(f[10]) : null;
                        m.hosts.put(f[1], host);
                        port = null;
                    }
                    case "hscript" -> host.scripts.put(f[1], f[2]);
                    case "hnoise" -> host.noise.put(reason(f[1]), Integer.parseInt(f[2]));
                    case "event" -> host.events.add(new TimelineEvent(instant(f[1]), kind(f[2]), f[3], f[4], f[5], f[6]));
                    case "night" -> m.nights.add(new Night(f[1], instant(f[2]), "1".equals(f[3]), "1".equals(f[4]),
                            severities(f[5]), HeldBack.of(reasons(f[6]))));
                    case "port" -> {
                        port = new PortMemory();
                        port.firstSeen = instant(f[2]);
                        port.lastSeen = instant(f[3]);
                        port.open = "1".equals(f[4]);
                        port.missing = Integer.parseInt(f[5]);
                        port.service = f[6];
                        port.version = f[7];
                        port.missingSince = f.length > 8 ? instant(f[8]) : null;
                        host.ports.put(f[1], port);
                    }
                    case "pscript" -> port.scripts.put(f[1], f[2]);
                    default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": not a memory record (" + e.getMessage() + ")", e);
            }
        }
        return m;
    }

    private static HeldBack.Reason reason(String id) {
        for (HeldBack.Reason r : HeldBack.Reason.values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason '" + id + "'");
    }

    private static Finding.Kind kind(String id) {
        for (Finding.Kind k : Finding.Kind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'");
    }

    private static EnumMap<Severity, Integer> severities(String text) {
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=");
                counts.put(Severity.of(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return counts;
    }

    private static EnumMap<HeldBack.Reason, Integer> reasons(String text) {
        EnumMap<HeldBack.Reason, Integer> counts = new EnumMap<>(HeldBack.Reason.class);
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=");
                counts.put(reason(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return counts;
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(escape(fields[i]));
        }
        out.append('\n');
    }

    private static String escape(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.equals("\\N")) {
            return null;
        }
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String bool(boolean b) {
        return b ? "1" : "0";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkMemory m && java.util.Arrays.equals(toBytes(), m.toBytes());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "NetworkMemory[" + hosts.size() + " hosts, through " + through + "]";
    }
}
