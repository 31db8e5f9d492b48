package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.spi.PortRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What the memory knows of one port of a host while it absorbs a scan: a working copy of its {@link PortRecord}. */
final class PortMemory {
    Instant firstSeen;
    Instant lastSeen;
    boolean open;
    boolean watched = true;
    /** Complete scans in a row in which it was not open while the memory held it open. */
    int missing;
    @Nullable Instant missingSince;
    @Nullable String service;
    @Nullable String version;
    /** Whether service detection identified what runs there (not a guess from the port number, not tcpwrapped). */
    boolean identified = true;
    /** nmap's confidence in the service it identified, kept when below 10; null for 10 or none given. */
    @Nullable Integer confidence;
    /** Whether it was open when its host was confirmed gone: it is open again, as it was, when the host is back. */
    boolean goneWithHost;
    /** The services and versions it showed before the present one, most recent first (an alternating backend's). */
    final List<String> recentServices = new ArrayList<>();
    final TreeMap<String, String> scripts = new TreeMap<>();
    /** Per script, the digests of the last distinct outputs before the present one, most recent first. */
    final TreeMap<String, String> recent = new TreeMap<>();

    PortMemory(Instant firstSeen, Instant lastSeen) {
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
    }

    /** Reads a record; {@code seenThrough} is the last complete scan when the host answered it (see {@link HostMemory#of}). */
    static PortMemory of(PortRecord r, @Nullable Instant seenThrough) {
        PortMemory p = new PortMemory(r.firstSeen(), r.lastSeen());
        p.open = r.open();
        p.watched = r.watched();
        Map<String, String> a = r.attributes();
        p.missing = HostMemory.integer(a, "missing");
        p.missingSince = HostMemory.instant(a, "missing-since");
        p.identified = !a.containsKey("unidentified");
        p.confidence = a.containsKey("confidence") ? Integer.valueOf(a.get("confidence")) : null;
        p.goneWithHost = a.containsKey("gone-with-host");
        String services = a.get("recent-services");
        if (services != null) {
            p.recentServices.addAll(Arrays.asList(services.split("\n")));
        }
        HostMemory.recent(a, p.recent);
        boolean settled = seenThrough != null && p.open && p.watched && p.missing == 0;
        p.lastSeen = settled ? HostMemory.latest(r.lastSeen(), seenThrough) : r.lastSeen();
        p.service = r.service();
        p.version = r.version();
        p.scripts.putAll(r.scripts());
        return p;
    }

    PortRecord toRecord(String port) {
        Map<String, String> a = new TreeMap<>();
        HostMemory.put(a, "missing", missing);
        HostMemory.put(a, "missing-since", missingSince);
        if (!identified) {
            a.put("unidentified", "true");
        }
        if (confidence != null && confidence < 10) {
            a.put("confidence", confidence.toString());
        }
        if (goneWithHost) {
            a.put("gone-with-host", "true");
        }
        if (!recentServices.isEmpty()) {
            a.put("recent-services", String.join("\n", recentServices));
        }
        recent.forEach((id, digests) -> a.put(HostMemory.RECENT + id, digests));
        return PortRecord.builder(port).open(open).watched(watched).seen(firstSeen, lastSeen).service(service, version)
                .scripts(scripts).attributes(a).build();
    }
}
