package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules by which one scan's view of a host changes what the memory knows of it, and what
 * it reports: exposure on the night it is seen, a removal only once the policy's number of
 * complete scans confirm it, noise held back and counted. Applied host by host; collects the
 * night's findings, held-back counts and timeline events. Not thread-safe.
 */
final class HostRules {
    /** Dates and clock times in script output: ISO and RFC 2822 dates, times of day, epoch seconds. */
    private static final Pattern TIME_LIKE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +\\d{1,2} +\\w{3} +\\d{4}"
                    + "|\\b\\w{3} +\\w{3} +\\d{1,2} +\\d{2}:\\d{2}:\\d{2} +\\d{4}"
                    + "|\\b\\d{1,2}:\\d{2}:\\d{2}(\\.\\d+)?\\b"
                    + "|\\b1\\d{9}\\b");

    private final NoisePolicy policy;
    private final Instant when;
    private final boolean complete;
    /** Which ports this scan probed, and (when its arguments changed) which the one before did. */
    private final Predicate<String> probed;
    private final Predicate<String> probedBefore;

    final List<Finding> findings = new ArrayList<>();
    final EnumMap<HeldBack.Reason, Integer> held = new EnumMap<>(HeldBack.Reason.class);
    final List<MemoryUpdate.HostEvent> events = new ArrayList<>();
    int nowWatchedPorts;
    int noLongerWatchedPorts;
    /** The host being absorbed, to which what is held back is counted. */
    private HostMemory current;

    HostRules(NoisePolicy policy, Instant when, boolean complete, Predicate<String> probed, Predicate<String> probedBefore) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.when = Objects.requireNonNull(when, "when");
        this.complete = complete;
        this.probed = probed;
        this.probedBefore = probedBefore;
    }

    /** Returns whether applying the rules found or held back anything. */
    boolean quiet() {
        return findings.isEmpty() && held.isEmpty() && nowWatchedPorts == 0 && noLongerWatchedPorts == 0;
    }

    private void hold(HeldBack.Reason reason) {
        held.merge(reason, 1, Integer::sum);
        if (current != null) {
            current.noise.merge(reason, 1, Integer::sum);
        }
    }

    /** A finding: reported, and an event of the host's timeline, dated when it happened. */
    private void found(HostMemory h, Finding f, Instant happened) {
        findings.add(f);
        events.add(new MemoryUpdate.HostEvent(h.key, TimelineEvent.of(f, happened)));
    }

    /**
     * A host the scan lists. Returns its state: {@code h}, changed, or a new one when the memory
     * did not know it.
     *
     * @param h what the memory knew; null for a host it never saw
     * @param watchedNow whether a host it never saw is in targets the scans did not cover before
     *        (it is then recorded, as a baseline records, and not reported)
     */
    HostMemory listed(String key, HostMemory h, Observation o, boolean watchedNow) {
        current = h;
        if (!o.answering()) {
            if (h != null) {
                notAnswering(h);
            }
            return h;
        }
        String name = o.identity().name();
        boolean isNew = false;
        if (h == null) {
            h = new HostMemory();
            h.key = key;
            h.firstSeen = when;
            h.name = name;
            current = h;
            if (!watchedNow) {
                h.address = o.identity().address();
                h.mac = o.identity().mac();
                found(h, Finding.hostNew(h.identity(), when), when);
            }
            isNew = true;
        } else if (!h.present) {
            found(h, Finding.hostReturned(h.identity(), h.firstSeen, h.lastSeen), when);
            isNew = true;
        } else if (h.missing > 0) {
            hold(HeldBack.Reason.RETURNED);
        }
        h.address = o.identity().address();
        h.mac = o.identity().mac();
        h.present = true;
        h.watched = true;
        h.missing = 0;
        h.missingSince = null;
        h.lastSeen = when;
        rename(h, name);
        ports(h, o, isNew, watchedNow);
        scripts(h, null, h.scripts, o.scripts(), isNew);
        return h;
    }

    /** A host the memory holds as answering that did not answer this scan (or was not in it, the scan covering it). */
    void notAnswering(HostMemory h) {
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
        found(h, Finding.hostGone(h.identity(), h.firstSeen, h.lastSeen), h.missingSince);
        h.present = false;
        h.missing = 0;
        for (PortMemory p : h.ports.values()) {
            p.open = false; // gone with its host, not reported one by one
            p.missing = 0;
        }
    }

    private void rename(HostMemory h, String name) {
        if (Objects.equals(name, h.name)) {
            h.pendingName = null;
            h.nameMisses = 0;
            return;
        }
        if (!complete) {
            hold(HeldBack.Reason.NAME_CHANGED);
            return;
        }
        if (h.pendingName != null && h.nameMisses > 0 && Objects.equals(name, pending(h))) {
            h.nameMisses++;
        } else {
            h.pendingName = name == null ? "" : name;
            h.nameMisses = 1;
        }
        if (h.nameMisses < policy.confirmAfter()) {
            hold(HeldBack.Reason.NAME_CHANGED);
            return;
        }
        String before = h.name;
        h.name = name;
        found(h, Finding.hostRenamed(h.identity(), before, h.firstSeen), when);
        h.pendingName = null;
        h.nameMisses = 0;
    }

    /** The pending name as the host would show it: the empty text stands for no name. */
    private static String pending(HostMemory h) {
        return h.pendingName == null || h.pendingName.isEmpty() ? null : h.pendingName;
    }

    private void ports(HostMemory h, Observation o, boolean hostIsNew, boolean watchedNow) {
        for (Map.Entry<String, Port> e : o.ports().entrySet()) {
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
                    m.lastSeen = when;
                    h.ports.put(portKey, m);
                    justOpened = true;
                } else if (!m.open) {
                    justOpened = true;
                } else if (m.missing > 0) {
                    hold(HeldBack.Reason.RETURNED);
                }
                if (justOpened) {
                    String service = serviceName(p.service());
                    boolean newlyProbed = probedBefore != null && !probedBefore.test(portKey);
                    if (watchedNow || newlyProbed) {
                        nowWatchedPorts++;
                    } else {
                        found(h, Finding.newPort(h.identity(), portKey, service, version(p.service()), Severities.opened(portKey, service),
                                m.firstSeen, m.lastSeen), when);
                    }
                    m.service = service;
                    m.version = version(p.service());
                } else {
                    service(h, portKey, m, p.service());
                }
                m.open = true;
                m.watched = true;
                m.missing = 0;
                m.missingSince = null;
                m.lastSeen = when;
                scripts(h, portKey, m.scripts, p.scripts(), justOpened || hostIsNew);
            } else if (m != null && m.open) {
                portNotOpen(h, portKey, m);
            }
        }
        for (Map.Entry<String, PortMemory> e : h.ports.entrySet()) {
            PortMemory m = e.getValue();
            if (o.ports().containsKey(e.getKey())) {
                continue;
            }
            if (!probed.test(e.getKey())) {
                if (m.watched) {
                    m.watched = false; // the scans no longer look there: no longer watched, not closed
                    noLongerWatchedPorts++;
                }
                continue;
            }
            m.watched = true;
            if (m.open) {
                portNotOpen(h, e.getKey(), m);
            }
        }
    }

    private void portNotOpen(HostMemory h, String portKey, PortMemory m) {
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
        found(h, Finding.portGone(h.identity(), portKey, m.service, m.firstSeen, m.lastSeen), m.missingSince);
        m.open = false;
        m.missing = 0;
    }

    private void service(HostMemory h, String portKey, PortMemory m, Service s) {
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
            found(h, Finding.serviceReplaced(h.identity(), portKey, name, join(m.service, m.version), join(name, version),
                    Severities.opened(portKey, name), m.firstSeen), when);
        } else if (version == null && m.version != null) {
            hold(HeldBack.Reason.SERVICE_UNIDENTIFIED);
            return;
        } else if (!Objects.equals(version, m.version)) {
            found(h, Finding.versionChanged(h.identity(), portKey, name, m.version, version, Severity.LOW, m.firstSeen), when);
        }
        m.service = name;
        m.version = version;
    }

    private void scripts(HostMemory h, String portKey, TreeMap<String, String> known, List<ScriptResult> results, boolean learnOnly) {
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
                found(h, Finding.scriptOutputChanged(h.identity(), portKey, r.id()), when);
            }
        }
    }

    static String serviceName(Service s) {
        return s == null || s.name() == null || s.name().isBlank() ? null : s.name();
    }

    static String version(Service s) {
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
}
