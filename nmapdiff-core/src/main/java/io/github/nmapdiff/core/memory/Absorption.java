package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.HostSummary;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One scan absorbed into the memory: which hosts it lists and which it does not, what the
 * rules make of each, and the hosts that changed. A host the scan lists exactly as the memory
 * last absorbed it, when absorbing it again would change nothing, is not read at all: a night
 * costs what changed. Not thread-safe.
 */
final class Absorption {
    private final MemoryStore store;
    private final @Nullable MemoryHead head;
    private final NoisePolicy policy;
    private final String snapshotId;
    private final Instant when;
    private final Scope scope;
    /** Whether the memory knows nothing yet. */
    private final boolean empty;
    /** Whether this scan is a baseline: the memory has absorbed no complete scan before it, so it reports nothing. */
    private final boolean first;
    private final Map<String, HostMemory> touched = new LinkedHashMap<>();
    /** The keys of every host the memory knows: only those have a record to read. */
    private final Set<String> known = new HashSet<>();
    /** Records read ahead, many in one request, for a store where each request costs (a database). */
    private final Map<String, HostRecord> fetched = new HashMap<>();

    Absorption(MemoryStore store, @Nullable MemoryHead head, NoisePolicy policy, String snapshotId, Instant when, Scope scope) {
        this.store = Objects.requireNonNull(store, "store");
        this.head = head;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.snapshotId = Objects.requireNonNull(snapshotId, "snapshotId");
        this.when = Objects.requireNonNull(when, "when");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.empty = head == null;
        this.first = head == null || head.lastCompleteAt() == null;
    }

    Absorbed run(ScanSource source) {
        Scan header = source.header();
        boolean complete = header.complete();
        Map<String, String> probedNow = Coverage.probed(header);
        Predicate<String> probed = Coverage.probedPorts(probedNow);
        MemoryHead last = head;
        boolean targetsChanged = last != null && scope.known() && last.scope().known() && !last.scope().targets().equals(scope.targets());
        boolean argumentsChanged = last != null && scope.known() && last.scope().known()
                && !last.scope().arguments().equals(scope.arguments());
        Predicate<String> probedBefore = last != null && argumentsChanged ? Coverage.probedPorts(last.attributes()) : null;
        Coverage targetsBefore = last != null && targetsChanged ? Coverage.of(last.scope().targets()) : null;
        Coverage targetsNow = targetsChanged ? Coverage.of(scope.targets()) : null;
        HostRules rules = new HostRules(policy, when, complete, probed, probedBefore, jitter());

        // a store gives them in any order; the night's findings and events come in the order of the keys, whatever the store
        List<HostSummary> summaries = empty ? new ArrayList<>() : new ArrayList<>(store.summaries());
        summaries.sort(Comparator.comparing(HostSummary::key));
        summaries.forEach(s -> known.add(s.key()));
        Map<String, HostSummary> byObservation = new HashMap<>(summaries.size() * 2);
        for (HostSummary s : summaries) {
            if (s.observationId() != null && s.observation() != null) {
                byObservation.put(s.observationId(), s);
            }
        }
        Map<String, HostSummary> byKey = new HashMap<>(summaries.size() * 2);
        Map<String, HostSummary> byMac = new HashMap<>();
        for (HostSummary s : summaries) {
            byKey.put(s.key(), s);
            if (s.mac() != null) {
                byMac.put(s.mac(), s);
            }
        }
        boolean skip = !empty && complete && !targetsChanged && !argumentsChanged;
        Set<String> reached = new HashSet<>();
        List<ScanSource.Entry> toRead = new ArrayList<>();
        for (ScanSource.Entry e : source.entries()) {
            HostSummary s = skip && e.digest() != null ? byObservation.get(e.id()) : null;
            if (s != null && Objects.equals(e.digest(), s.observation())) {
                reached.add(s.key());
            } else {
                toRead.add(e);
            }
        }
        // the records of the hosts to read that the memory knows under the same listing, in one request
        List<String> ahead = new ArrayList<>();
        for (ScanSource.Entry e : toRead) {
            HostSummary s = byObservation.get(e.id());
            if (s != null) {
                ahead.add(s.key());
            }
        }
        fetch(ahead);
        int[] nowWatchedHosts = {0};
        source.each(toRead, (entry, host) -> {
            HostIdentity id = HostIdentity.of(host);
            String key = id == null ? null : device(id, byKey, byMac);
            if (id == null || key == null || !reached.add(key)) {
                return; // neither address nor name, or listed twice: the first listing counts
            }
            Observation o = Observation.of(host, id);
            HostMemory h = load(key);
            boolean watchedNow = h == null && targetsBefore != null && !targetsBefore.covers(id.address(), id.name());
            if (watchedNow && o.answering()) {
                nowWatchedHosts[0]++;
            }
            HostMemory after = rules.listed(key, h, o, watchedNow);
            if (after == null) {
                return; // a host it never knew that does not answer
            }
            after.observationId = entry.id();
            after.observation = complete && entry.digest() != null && settled(after, o, probed, probedBefore, complete)
                    ? entry.digest() : null;
            touched.put(after.key, after);
        });
        int noLongerWatchedHosts = 0;
        List<String> notListed = new ArrayList<>();
        for (HostSummary s : summaries) {
            if (!reached.contains(s.key()) && (targetsChanged || argumentsChanged || complete && s.present())) {
                notListed.add(s.key());
            }
        }
        fetch(notListed);
        for (HostSummary s : summaries) {
            if (reached.contains(s.key())) {
                continue;
            }
            boolean covered = s.watched();
            if (targetsNow != null) {
                covered = targetsNow.covers(s.address(), s.name());
                if (covered != s.watched()) {
                    HostMemory h = stored(s.key());
                    h.watched = covered;
                    h.observation = null;
                    touched.put(h.key, h);
                    if (!covered && s.present()) {
                        noLongerWatchedHosts++;
                    }
                }
            }
            if (argumentsChanged && !touched.containsKey(s.key())) {
                touched.put(s.key(), stored(s.key())); // its ports are looked at below
            }
            if (complete && s.present() && covered) {
                HostMemory h = stored(s.key());
                rules.notAnswering(h);
                h.observation = null;
                touched.put(h.key, h);
            }
        }
        if (argumentsChanged) {
            for (HostMemory h : touched.values()) {
                if (reached.contains(h.key)) {
                    continue;
                }
                h.ports.forEach((port, p) -> {
                    boolean watched = probed.test(port);
                    if (watched != p.watched) {
                        p.watched = watched;
                        h.observation = null;
                        if (!watched && p.open) {
                            rules.noLongerWatchedPorts++;
                        }
                    }
                });
            }
        }
        String scopeChange = scopeChange(targetsChanged, argumentsChanged, nowWatchedHosts[0], rules.nowWatchedPorts,
                noLongerWatchedHosts, rules.noLongerWatchedPorts);
        Map<String, String> attributes = new TreeMap<>(head == null ? Map.of() : head.attributes());
        if (!probedNow.isEmpty()) {
            attributes.keySet().removeIf(k -> k.startsWith("probed."));
            attributes.putAll(probedNow);
        }
        MemoryHead next = MemoryHead.of(MemoryHead.VERSION, scope, snapshotId, when,
                complete ? when : head == null ? null : head.lastCompleteAt(), (head == null ? 0 : head.sequence()) + 1, attributes);
        List<HostRecord> changed = new ArrayList<>(touched.size());
        touched.values().forEach(h -> changed.add(h.toRecord()));
        List<Finding> found = first ? List.of() : rules.findings;
        return new Absorbed(next, changed, rules.events, found, first ? HeldBack.none() : HeldBack.of(rules.held), complete, first,
                scopeChange, Collections.unmodifiableMap(touched), toRead.size());
    }

    /**
     * Which device a listing is: where nmap saw a MAC address (the same segment), the device
     * that had it, wherever it is tonight (moved, by DHCP); a MAC never seen on an address a
     * device with another MAC used is a new device, known by its MAC. Without a MAC, the
     * address is the identity.
     */
    private static String device(HostIdentity id, Map<String, HostSummary> byKey, Map<String, HostSummary> byMac) {
        String mac = id.mac();
        if (mac == null) {
            return id.key();
        }
        HostSummary known = byMac.get(mac);
        if (known != null) {
            return known.key();
        }
        HostSummary there = byKey.get(id.key());
        return there != null && there.mac() != null && !there.mac().equals(mac) ? mac : id.key();
    }

    /**
     * Whether absorbing the same view of the host again would change nothing and report nothing:
     * only then may a later scan that lists it the same be skipped.
     */
    private boolean settled(HostMemory h, Observation o, Predicate<String> probed, @Nullable Predicate<String> probedBefore, boolean complete) {
        HostRecord now = h.toRecord();
        HostMemory again = HostMemory.of(now, null);
        HostRules probe = new HostRules(policy, when, complete, probed, probedBefore, jitter());
        probe.listed(h.key, again, o, false);
        return probe.quiet() && again.toRecord().equals(now);
    }

    /** The most a scan may start late by: a longer gap is a clock that jumped, or nights without a scan. */
    private static final Duration MAX_JITTER = Duration.ofHours(12);

    /**
     * How much later than the usual interval a scan may start: half the time since the last
     * complete scan (at most {@link #MAX_JITTER}), so that an absence of as many scans as before
     * is as long as before though the scans do not start on the second.
     */
    private Duration jitter() {
        Instant previous = head == null ? null : head.lastCompleteAt();
        if (previous == null || !when.isAfter(previous)) {
            return Duration.ZERO;
        }
        Duration half = Duration.between(previous, when).dividedBy(2);
        return half.compareTo(MAX_JITTER) > 0 ? MAX_JITTER : half;
    }

    /** What the memory knows of a host now: as this scan changed it, or as the store keeps it. */
    private @Nullable HostMemory state(String key) {
        HostMemory h = touched.get(key);
        if (h != null) {
            return h;
        }
        if (!known.contains(key)) {
            return null; // a host the memory never knew: nothing to read
        }
        HostRecord r = fetched.remove(key);
        if (r == null) {
            r = store.hosts(List.of(key)).get(key);
        }
        return r == null ? null : HostMemory.of(r, head == null ? null : head.lastCompleteAt());
    }

    /** Reads ahead the records of hosts the memory knows, in one request. */
    private void fetch(List<String> keys) {
        List<String> wanted = keys.stream().filter(k -> known.contains(k) && !touched.containsKey(k) && !fetched.containsKey(k)).toList();
        if (!wanted.isEmpty()) {
            fetched.putAll(store.hosts(wanted));
        }
    }

    private @Nullable HostMemory load(String key) {
        return state(key);
    }

    /** The record of a host the store listed. */
    private HostMemory stored(String key) {
        HostMemory h = state(key);
        if (h == null) {
            throw new IllegalStateException("the store lists host " + key + " but gives no record of it");
        }
        return h;
    }

    private static @Nullable String scopeChange(boolean targets, boolean arguments, int nowHosts, int nowPorts, int goneHosts, int gonePorts) {
        if (!targets && !arguments) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (nowHosts > 0 || nowPorts > 0) {
            parts.add("now watched: " + count(nowHosts, "host") + (nowPorts > 0 ? " and " + count(nowPorts, "open port") : ""));
        }
        if (goneHosts > 0 || gonePorts > 0) {
            parts.add("no longer watched: " + count(goneHosts, "host") + (gonePorts > 0 ? " and " + count(gonePorts, "open port") : ""));
        }
        return (targets && arguments ? "the targets and the scan arguments changed" : targets ? "the targets changed"
                : "the scan arguments changed") + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")")
                + "; what both cover is compared";
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
