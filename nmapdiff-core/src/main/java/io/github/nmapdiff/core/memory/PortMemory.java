package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.spi.PortRecord;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What the memory knows of one port of a host while it absorbs a scan: a working copy of its {@link PortRecord}. */
final class PortMemory {
    Instant firstSeen;
    Instant lastSeen;
    boolean open;
    boolean watched = true;
    /** Complete scans in a row in which it was not open while the memory held it open. */
    int missing;
    Instant missingSince;
    String service;
    String version;
    final TreeMap<String, String> scripts = new TreeMap<>();

    /** Reads a record; {@code seenThrough} is the last complete scan when the host answered it (see {@link HostMemory#of}). */
    static PortMemory of(PortRecord r, Instant seenThrough) {
        PortMemory p = new PortMemory();
        p.firstSeen = r.firstSeen();
        p.open = r.open();
        p.watched = r.watched();
        Map<String, String> a = r.attributes();
        p.missing = HostMemory.integer(a, "missing");
        p.missingSince = HostMemory.instant(a, "missing-since");
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
        return PortRecord.builder(port).open(open).watched(watched).seen(firstSeen, lastSeen).service(service, version)
                .scripts(scripts).attributes(a).build();
    }
}
