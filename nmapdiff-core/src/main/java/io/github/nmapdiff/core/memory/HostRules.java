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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

    /** How many distinct values before the present one a port keeps, so that an alternating backend's are known. */
    static final int RECENT_VALUES = 4;
    /** How many open|filtered UDP ports a host keeps in mind. */
    static final int UDP_OPEN_FILTERED_KEPT = 64;
    /** The major and minor version at the start of a version text: {@code 9.2} of {@code 9.2p1 Debian 2+deb12u3}. */
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    private final NoisePolicy policy;
    private final Instant when;
    private final boolean complete;
    /** Which ports this scan probed, and (when its arguments changed) which the one before did. */
    private final Predicate<String> probed;
    private final @Nullable Predicate<String> probedBefore;

    final List<Finding> findings = new ArrayList<>();
    final EnumMap<HeldBack.Reason, Integer> held = new EnumMap<>(HeldBack.Reason.class);
    final List<MemoryUpdate.HostEvent> events = new ArrayList<>();
    int nowWatchedPorts;
    int noLongerWatchedPorts;
    /** The host being absorbed, to which what is held back is counted. */
    private @Nullable HostMemory current;

    /** How much later than usual this scan may have started (see {@link Absorption}): an absence no longer than before by more is not longer. */
    private final Duration jitter;

    HostRules(NoisePolicy policy, Instant when, boolean complete, Predicate<String> probed, @Nullable Predicate<String> probedBefore,
            Duration jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
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
    @Nullable HostMemory listed(String key, @Nullable HostMemory h, Observation o, boolean watchedNow) {
        current = h;
        if (!o.answering()) {
            if (h != null) {
                notAnswering(h);
            }
            return h;
        }
        String name = o.identity().name();
        boolean isNew = false;
        boolean returned = false;
        if (h == null) {
            h = new HostMemory(key, when, when);
            h.name = name;
            current = h;
            if (!watchedNow) {
                h.address = o.identity().address();
                h.mac = o.identity().mac();
                found(h, Finding.hostNew(h.identity(), when), when);
            }
            isNew = true;
        } else if (!h.present) {
            returned = true;
            isNew = true;
            absenceEnds(h);
            for (PortMemory p : h.ports.values()) {
                if (p.goneWithHost) {
                    p.open = true; // open as it was when the host went: only what changed since is news
                    p.goneWithHost = false;
                }
            }
        } else if (h.missing > 0) {
            hold(HeldBack.Reason.RETURNED);
            absenceEnds(h);
        }
        if (h.present && h.address != null && o.identity().address() != null && !h.address.equals(o.identity().address())) {
            hold(HeldBack.Reason.HOST_MOVED); // the same device (its MAC) on another address: its ports follow it
        }
        Instant lastSeenBefore = h.lastSeen;
        h.address = o.identity().address();
        h.mac = o.identity().mac();
        h.present = true;
        h.watched = true;
        h.missing = 0;
        h.missingSince = null;
        h.lastSeen = when;
        rename(h, name);
        ports(h, o, isNew, watchedNow);
        scripts(h, null, h.scripts, h.recent, o.scripts(), isNew);
        if (returned) {
            List<String> asBefore = new ArrayList<>();
            h.ports.forEach((port, p) -> {
                if (p.open && p.firstSeen != null && p.firstSeen.isBefore(when)) {
                    asBefore.add(port);
                }
            });
            found(h, Finding.hostReturned(h.identity(), h.firstSeen, lastSeenBefore).toBuilder()
                    .note(asBefore.isEmpty() ? null : "open as before it went: " + String.join(", ", asBefore)).build(), when);
        }
        return h;
    }

    /** The host answers again: how long it was away is what the memory learns of its absences. */
    private void absenceEnds(HostMemory h) {
        if (h.missingSince == null || !complete) {
            return;
        }
        Duration away = Duration.between(h.missingSince, when);
        if (h.longestAbsence == null || away.compareTo(h.longestAbsence) > 0) {
            h.longestAbsence = away;
        }
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
        Instant since = h.missingSince != null ? h.missingSince : when;
        Duration away = Duration.between(since, when);
        Duration longest = h.longestAbsence;
        Duration usual = longest == null ? null : min(longest, NoisePolicy.LONGEST_USUAL_ABSENCE);
        if (usual != null && away.compareTo(usual.plus(jitter)) <= 0) {
            hold(HeldBack.Reason.HOST_COMES_AND_GOES); // it was away this long before, and came back
            return;
        }
        Finding gone = Finding.hostGone(h.identity(), h.firstSeen, h.lastSeen);
        if (longest != null) {
            gone = gone.toBuilder().note(away.compareTo(longest.plus(jitter)) > 0
                    ? "gone longer than ever before: its longest absence was " + words(longest)
                    : "gone " + words(away) + ", as long as the memory waits for a host that comes and goes (it was away up to "
                            + words(longest) + " before)").build();
        }
        found(h, gone, since);
        h.present = false;
        h.missing = 0;
        for (PortMemory p : h.ports.values()) {
            p.goneWithHost = p.open; // gone with its host, not reported one by one
            p.open = false;
            p.missing = 0;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void rename(HostMemory h, @Nullable String name) {
        if (Objects.equals(name, h.name)) {
            h.pendingName = null;
            h.nameMisses = 0;
            return;
        }
        if (name == null) {
            hold(HeldBack.Reason.NAME_NOT_RESOLVED); // a lookup that failed is no new name
            return;
        }
        if (h.name == null) {
            h.name = name; // a name where it had none: learned, not renamed
            h.pendingName = null;
            h.nameMisses = 0;
            return;
        }
        if (!complete) {
            hold(HeldBack.Reason.NAME_CHANGED);
            return;
        }
        if (h.pendingName != null && h.nameMisses > 0 && name.equals(h.pendingName)) {
            h.nameMisses++;
        } else {
            h.pendingName = name;
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

    private void ports(HostMemory h, Observation o, boolean hostIsNew, boolean watchedNow) {
        for (Map.Entry<String, Port> e : o.ports().entrySet()) {
            String portKey = e.getKey();
            Port p = e.getValue();
            PortMemory m = h.ports.get(portKey);
            boolean open = p.state() == PortState.OPEN;
            boolean udpMaybe = p.protocol() == Protocol.UDP && p.state() == PortState.OPEN_FILTERED;
            if (udpMaybe && (m == null || !m.open) && h.udpOpenFiltered.size() < UDP_OPEN_FILTERED_KEPT) {
                h.udpOpenFiltered.add(portKey); // a probe unanswered: the port may be open, and answer another night
            }
            if (open || udpMaybe && m != null && m.open) {
                if (udpMaybe && !open) {
                    hold(HeldBack.Reason.UDP_OPEN_FILTERED);
                }
                boolean justOpened = false;
                if (m == null) {
                    m = new PortMemory(when, when);
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
                    } else if (p.protocol() == Protocol.UDP && h.udpOpenFiltered.contains(portKey)) {
                        hold(HeldBack.Reason.UDP_OPEN_FILTERED); // it was there, open|filtered: a probe got a reply this time
                    } else {
                        found(h, Finding.newPort(h.identity(), portKey, service, version(p.service()), Severities.opened(portKey, service),
                                m.firstSeen, m.lastSeen), when);
                    }
                    m.service = service;
                    m.version = version(p.service());
                    m.identified = identified(p.service());
                    m.confidence = p.service() == null ? null : p.service().confidence();
                    m.recentServices.clear();
                } else {
                    service(h, portKey, m, p.service());
                }
                m.open = true;
                m.watched = true;
                m.missing = 0;
                m.missingSince = null;
                m.lastSeen = when;
                scripts(h, portKey, m.scripts, m.recent, p.scripts(), justOpened || hostIsNew);
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
        found(h, Finding.portGone(h.identity(), portKey, m.service, m.firstSeen, m.lastSeen), m.missingSince != null ? m.missingSince : when);
        m.open = false;
        m.missing = 0;
    }

    /**
     * An open port's service, as detection saw it tonight. A detection that failed (a guess from
     * the port number, {@code tcpwrapped}, {@code unknown}, no version where there was one, a
     * lower confidence) changes nothing: the service identified before stands. A port whose
     * service was never identified learns it quietly. A service or version the port showed
     * before, among its last few, is an alternating backend, held back. Otherwise: another
     * product, or another major or minor version, is reported; the same one at another patch
     * level is a patch update, low.
     */
    private void service(HostMemory h, String portKey, PortMemory m, @Nullable Service s) {
        String name = serviceName(s);
        String version = version(s);
        boolean same = Objects.equals(name, m.service) && Objects.equals(version, m.version);
        if (same) {
            return;
        }
        boolean weaker = s != null && s.confidence() != null && s.confidence() < (m.confidence == null ? 10 : m.confidence);
        if (s == null || name == null || !identified(s) || m.identified && (weaker || version == null && name.equals(m.service) && m.version != null)) {
            hold(HeldBack.Reason.SERVICE_UNIDENTIFIED);
            return;
        }
        String was = join(m.service, m.version);
        String now = join(name, version);
        if (!m.identified || m.version == null && name.equals(m.service)) {
            // learned: what nmap could not tell before, it tells now; news only when it is more exposed than it was told
            Severity told = Severities.opened(portKey, m.service);
            Severity actual = Severities.opened(portKey, name);
            if (actual.compareTo(told) < 0) {
                found(h, Finding.serviceReplaced(h.identity(), portKey, name, was, now, actual, m.firstSeen), when);
            }
        } else if (m.recentServices.contains(now)) {
            hold(HeldBack.Reason.SEEN_BEFORE);
        } else if (!name.equals(m.service)) {
            found(h, Finding.serviceReplaced(h.identity(), portKey, name, was, now, Severities.opened(portKey, name), m.firstSeen), when);
        } else if (m.version != null && version != null && patchLevel(m.version, s)) {
            found(h, Finding.patchUpdate(h.identity(), portKey, name, m.version, version, m.firstSeen), when);
        } else {
            found(h, Finding.versionChanged(h.identity(), portKey, name, m.version, version, Severity.MEDIUM, m.firstSeen), when);
        }
        if (m.identified) {
            remember(m.recentServices, was, now);
        }
        m.service = name;
        m.version = version;
        m.identified = true;
        m.confidence = s.confidence();
    }

    /** Whether detection identified a service: probed, named, and neither {@code tcpwrapped} nor {@code unknown}. */
    static boolean identified(@Nullable Service s) {
        String name = serviceName(s);
        return s != null && name != null && !"table".equals(s.method()) && !"tcpwrapped".equals(name) && !"unknown".equals(name);
    }

    /**
     * Whether a version is the same product at another patch level: same product, same major and
     * minor version ({@code 9.2p1 Debian 2+deb12u3} and {@code 9.2p1 Debian 2+deb12u4}; {@code
     * 1.22.1} and {@code 1.22.2}).
     */
    static boolean patchLevel(@Nullable String before, @Nullable Service now) {
        String product = now == null ? null : now.product();
        String version = now == null ? null : now.version();
        if (before == null || product == null || version == null || !before.startsWith(product + " ")) {
            return false;
        }
        Matcher a = MAJOR_MINOR.matcher(before.substring(product.length() + 1));
        Matcher b = MAJOR_MINOR.matcher(version);
        return a.lookingAt() && b.lookingAt() && a.group(1).equals(b.group(1)) && a.group(2).equals(b.group(2));
    }

    /** Keeps a value that was shown among the last few distinct ones, most recent first; the present one is not among them. */
    private static void remember(List<String> recent, @Nullable String was, @Nullable String now) {
        recent.remove(was);
        recent.remove(now);
        if (was != null) {
            recent.add(0, was);
        }
        while (recent.size() > RECENT_VALUES) {
            recent.remove(recent.size() - 1);
        }
    }

    private void scripts(HostMemory h, @Nullable String portKey, TreeMap<String, String> known, TreeMap<String, String> recent,
            List<ScriptResult> results, boolean learnOnly) {
        for (ScriptResult r : results) {
            String normalized = digest(TIME_LIKE.matcher(r.output()).replaceAll("#"));
            String raw = digest(r.output());
            String now = normalized + ":" + raw;
            String before = known.put(r.id(), now);
            if (before == null || before.equals(now)) {
                continue;
            }
            int colon = before.indexOf(':');
            String normalizedBefore = colon < 0 ? before : before.substring(0, colon);
            if (learnOnly) {
                continue;
            }
            if (policy.volatileScripts().contains(r.id()) || normalizedBefore.equals(normalized)) {
                hold(HeldBack.Reason.VOLATILE_SCRIPT); // it tells the time, or only its time-like parts changed
                continue;
            }
            List<String> shown = new ArrayList<>(recent.containsKey(r.id()) ? List.of(recent.get(r.id()).split(",")) : List.of());
            boolean seenBefore = shown.contains(normalized);
            remember(shown, normalizedBefore, normalized);
            recent.put(r.id(), String.join(",", shown));
            if (seenBefore) {
                hold(HeldBack.Reason.SEEN_BEFORE);
            } else {
                found(h, Finding.scriptOutputChanged(h.identity(), portKey, r.id()), when);
            }
        }
    }

    /** {@code 3 days}, {@code 5 hours}: how long, in the largest whole unit. */
    static String words(Duration d) {
        long days = d.toDays();
        if (days > 0) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = Math.max(1, d.toHours());
        return hours + (hours == 1 ? " hour" : " hours");
    }

    static @Nullable String serviceName(@Nullable Service s) {
        return s == null || s.name() == null || s.name().isBlank() ? null : s.name();
    }

    static @Nullable String version(@Nullable Service s) {
        if (s == null) {
            return null;
        }
        String v = join(s.product(), s.version());
        return v == null || v.isBlank() ? null : v;
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
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
