package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.PortRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the memory knows of one host while it absorbs a scan: a mutable working copy of its
 * {@link HostRecord}, and the one place that turns the record's named attributes into the
 * counters the rules read, and back. Not thread-safe; one absorption at a time.
 */
final class HostMemory {
    final String key;
    @Nullable String address;
    @Nullable String mac;
    @Nullable String name;
    Instant firstSeen;
    Instant lastSeen;
    boolean present;
    boolean watched = true;
    @Nullable String observationId;
    @Nullable String observation;
    /** Complete scans in a row that missed it while it was present. */
    int missing;
    @Nullable Instant missingSince;
    /** A name it showed that differs from {@link #name}, and in how many complete scans in a row. */
    @Nullable String pendingName;
    int nameMisses;
    /** The longest it was ever away, from the first complete scan that missed it to the one that saw it again; null when never. */
    @Nullable Duration longestAbsence;
    /** The UDP ports it listed open|filtered (a probe unanswered), so that one of them answering later is no exposure. */
    final TreeSet<String> udpOpenFiltered = new TreeSet<>();
    /** Per host script, the digests of the last distinct outputs before the present one, most recent first. */
    final TreeMap<String, String> recent = new TreeMap<>();
    final TreeMap<String, PortMemory> ports = new TreeMap<>();
    final TreeMap<String, String> scripts = new TreeMap<>();
    final EnumMap<HeldBack.Reason, Integer> noise = new EnumMap<>(HeldBack.Reason.class);

    HostMemory(String key, Instant firstSeen, Instant lastSeen) {
        this.key = key;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
    }

    HostIdentity identity() {
        return HostIdentity.of(key, address != null ? address : key, name, mac);
    }

    /**
     * Reads a record. A host that answers and has missed no scan was seen by every complete scan
     * since it was last written (that is why it was not written again): its last seen is then
     * that of the last complete scan, and so is that of each of its open ports.
     */
    static HostMemory of(HostRecord r, @Nullable Instant lastCompleteAt) {
        HostMemory h = new HostMemory(r.key(), r.firstSeen(), r.lastSeen());
        h.address = r.address();
        h.mac = r.mac();
        h.name = r.name();
        h.present = r.present();
        h.watched = r.watched();
        h.observationId = r.observationId();
        h.observation = r.observation();
        Map<String, String> a = r.attributes();
        h.missing = integer(a, "missing");
        h.missingSince = instant(a, "missing-since");
        h.pendingName = a.get("pending-name");
        h.nameMisses = integer(a, "name-misses");
        String longest = a.get("longest-absence");
        h.longestAbsence = longest == null ? null : Duration.parse(longest);
        String udp = a.get("udp-open-filtered");
        if (udp != null) {
            h.udpOpenFiltered.addAll(Arrays.asList(udp.split(",")));
        }
        recent(a, h.recent);
        boolean settled = h.present && h.watched && h.missing == 0;
        h.lastSeen = settled ? latest(r.lastSeen(), lastCompleteAt) : r.lastSeen();
        h.scripts.putAll(r.scripts());
        h.noise.putAll(r.noise());
        for (PortRecord p : r.ports()) {
            h.ports.put(p.port(), PortMemory.of(p, settled ? lastCompleteAt : null));
        }
        return h;
    }

    HostRecord toRecord() {
        Map<String, String> a = new TreeMap<>();
        put(a, "missing", missing);
        put(a, "missing-since", missingSince);
        if (pendingName != null) {
            a.put("pending-name", pendingName);
        }
        put(a, "name-misses", nameMisses);
        if (longestAbsence != null) {
            a.put("longest-absence", longestAbsence.toString());
        }
        if (!udpOpenFiltered.isEmpty()) {
            a.put("udp-open-filtered", String.join(",", udpOpenFiltered));
        }
        recent.forEach((id, digests) -> a.put(RECENT + id, digests));
        List<PortRecord> records = new ArrayList<>(ports.size());
        ports.forEach((port, p) -> records.add(p.toRecord(port)));
        return HostRecord.builder(key).identity(address, mac, name).seen(firstSeen, lastSeen).present(present).watched(watched)
                .observation(observationId, observation).scripts(scripts).noise(noise).attributes(a).ports(records).build();
    }

    /** The prefix of the attributes that keep a script's recent outputs: {@code recent.ssl-cert}. */
    static final String RECENT = "recent.";

    /** Reads the {@link #RECENT} attributes into a map by script id. */
    static void recent(Map<String, String> attributes, Map<String, String> into) {
        attributes.forEach((k, v) -> {
            if (k.startsWith(RECENT)) {
                into.put(k.substring(RECENT.length()), v);
            }
        });
    }

    static Instant latest(Instant a, @Nullable Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    static int integer(Map<String, String> a, String key) {
        String v = a.get(key);
        return v == null ? 0 : Integer.parseInt(v);
    }

    static @Nullable Instant instant(Map<String, String> a, String key) {
        String v = a.get(key);
        return v == null ? null : Instant.parse(v);
    }

    static void put(Map<String, String> a, String key, int value) {
        if (value != 0) {
            a.put(key, Integer.toString(value));
        }
    }

    static void put(Map<String, String> a, String key, @Nullable Instant value) {
        if (value != null) {
            a.put(key, value.toString());
        }
    }
}
