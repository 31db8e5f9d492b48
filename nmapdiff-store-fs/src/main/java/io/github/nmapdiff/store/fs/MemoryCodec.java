package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.PortRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The binary form of the memory's values in the store's files: strings as a length and UTF-8
 * (-1 for none), times as seconds and nanoseconds, maps and lists as a count and their
 * elements. The store's own; nothing else reads it.
 */
final class MemoryCodec {
    private MemoryCodec() {
    }

    /** A buffer to write values into. */
    static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        final DataOutputStream data = new DataOutputStream(bytes);

        Out string(@Nullable String s) throws IOException {
            if (s == null) {
                data.writeInt(-1);
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                data.writeInt(b.length);
                data.write(b);
            }
            return this;
        }

        Out instant(@Nullable Instant t) throws IOException {
            data.writeBoolean(t != null);
            if (t != null) {
                data.writeLong(t.getEpochSecond());
                data.writeInt(t.getNano());
            }
            return this;
        }

        Out strings(List<String> list) throws IOException {
            data.writeInt(list.size());
            for (String s : list) {
                string(s);
            }
            return this;
        }

        Out map(Map<String, String> map) throws IOException {
            data.writeInt(map.size());
            for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
                string(e.getKey());
                string(e.getValue());
            }
            return this;
        }

        byte[] toBytes() throws IOException {
            data.flush();
            return bytes.toByteArray();
        }
    }

    /** A string the format always has there. */
    static String string(DataInputStream in) throws IOException {
        String s = optional(in);
        if (s == null) {
            throw new IOException("a value that is never empty is missing");
        }
        return s;
    }

    /** A string that may be absent (-1). */
    static @Nullable String optional(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (in instanceof In fast) {
            return fast.string(n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A stream over bytes in memory whose strings are made from the bytes where they lie, with
     * no copy between: an index of 100,000 hosts is read with half the garbage.
     */
    static final class In extends DataInputStream {
        private final Source source;

        In(byte[] bytes) {
            this(new Source(bytes));
        }

        private In(Source source) {
            super(source);
            this.source = source;
        }

        String string(int n) throws IOException {
            return source.string(n);
        }

        /** A ByteArrayInputStream that lets its position be read. */
        private static final class Source extends ByteArrayInputStream {
            Source(byte[] bytes) {
                super(bytes);
            }

            String string(int n) throws IOException {
                if (n > count - pos) {
                    throw new EOFException();
                }
                String s = new String(buf, pos, n, StandardCharsets.UTF_8);
                pos += n;
                return s;
            }
        }
    }

    /** A time the format always has there. */
    static Instant instant(DataInputStream in) throws IOException {
        Instant t = optionalInstant(in);
        if (t == null) {
            throw new IOException("a time that is never empty is missing");
        }
        return t;
    }

    /** A time that may be absent. */
    static @Nullable Instant optionalInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(string(in));
        }
        return list;
    }

    static Map<String, String> map(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == 0) {
            return Map.of();
        }
        if (n == 1) {
            return Map.of(string(in), string(in));
        }
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            map.put(string(in), string(in));
        }
        return map;
    }

    // ---------------------------------------------------------------- values

    static void head(Out out, MemoryHead h) throws IOException {
        out.data.writeInt(h.version());
        out.strings(h.scope().targets()).strings(h.scope().arguments()).string(h.through()).instant(h.throughTime())
                .instant(h.lastCompleteAt());
        out.data.writeLong(h.sequence());
        out.map(h.attributes());
    }

    static MemoryHead head(DataInputStream in) throws IOException {
        int version = in.readInt();
        Scope scope = Scope.of(strings(in), strings(in));
        String through = string(in);
        Instant throughTime = instant(in);
        Instant lastComplete = optionalInstant(in);
        long sequence = in.readLong();
        return MemoryHead.of(version, scope, through, throughTime, lastComplete, sequence, map(in));
    }

    static void host(Out out, HostRecord r) throws IOException {
        out.string(r.key()).string(r.address()).string(r.mac()).string(r.name()).instant(r.firstSeen()).instant(r.lastSeen());
        out.data.writeBoolean(r.present());
        out.data.writeBoolean(r.watched());
        out.string(r.observationId()).string(r.observation()).map(r.scripts());
        Map<String, String> noise = new TreeMap<>();
        r.noise().forEach((reason, n) -> noise.put(reason.id(), Integer.toString(n)));
        out.map(noise).map(r.attributes());
        out.data.writeInt(r.ports().size());
        for (PortRecord p : r.ports()) {
            out.string(p.port());
            out.data.writeBoolean(p.open());
            out.data.writeBoolean(p.watched());
            out.instant(p.firstSeen()).instant(p.lastSeen()).string(p.service()).string(p.version()).map(p.scripts())
                    .map(p.attributes());
        }
    }

    static HostRecord host(DataInputStream in) throws IOException {
        HostRecord.Builder b = HostRecord.builder(string(in)).identity(optional(in), optional(in), optional(in));
        b.seen(instant(in), instant(in)).present(in.readBoolean()).watched(in.readBoolean()).observation(optional(in), optional(in))
                .scripts(map(in));
        EnumMap<HeldBack.Reason, Integer> noise = new EnumMap<>(HeldBack.Reason.class);
        map(in).forEach((id, n) -> noise.put(reason(id), Integer.parseInt(n)));
        b.noise(noise).attributes(map(in));
        int ports = in.readInt();
        List<PortRecord> list = new ArrayList<>(ports);
        for (int i = 0; i < ports; i++) {
            PortRecord.Builder p = PortRecord.builder(string(in)).open(in.readBoolean()).watched(in.readBoolean());
            p.seen(instant(in), instant(in)).service(optional(in), optional(in)).scripts(map(in)).attributes(map(in));
            list.add(p.build());
        }
        return b.ports(list).build();
    }

    static void event(Out out, TimelineEvent e) throws IOException {
        out.instant(e.when()).string(e.kind().id()).string(e.port()).string(e.service()).string(e.before()).string(e.after());
    }

    static TimelineEvent event(DataInputStream in) throws IOException {
        return TimelineEvent.of(instant(in), Finding.Kind.of(string(in)), optional(in), optional(in), optional(in), optional(in));
    }

    static void night(Out out, Night n) throws IOException {
        out.string(n.snapshotId()).instant(n.when());
        out.data.writeBoolean(n.complete());
        out.data.writeBoolean(n.baseline());
        out.data.writeInt(n.findings().size());
        for (Finding f : n.findings()) {
            out.string(f.kind().id()).string(f.severity().id()).string(f.host().key()).string(f.host().address()).string(f.host().name())
                    .string(f.host().mac()).string(f.port()).string(f.service()).string(f.before()).string(f.after())
                    .instant(f.firstSeen()).instant(f.lastSeen()).string(f.note());
        }
        Map<String, String> held = new TreeMap<>();
        n.heldBack().counts().forEach((reason, c) -> held.put(reason.id(), Integer.toString(c)));
        out.map(held);
    }

    static Night night(DataInputStream in) throws IOException {
        String id = string(in);
        Instant when = instant(in);
        boolean complete = in.readBoolean();
        boolean baseline = in.readBoolean();
        int count = in.readInt();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Finding.Kind kind = Finding.Kind.of(string(in));
            Severity severity = Severity.of(string(in));
            HostIdentity host = HostIdentity.of(string(in), optional(in), optional(in), optional(in));
            findings.add(Finding.builder(kind, severity, host).port(optional(in)).service(optional(in)).before(optional(in))
                    .after(optional(in)).seen(optionalInstant(in), optionalInstant(in)).note(optional(in)).build());
        }
        EnumMap<HeldBack.Reason, Integer> held = new EnumMap<>(HeldBack.Reason.class);
        map(in).forEach((reason, c) -> held.put(reason(reason), Integer.parseInt(c)));
        return Night.of(id, when, complete, baseline, findings, HeldBack.of(held));
    }

    static void update(Out out, MemoryUpdate u) throws IOException {
        head(out, u.head());
        out.data.writeInt(u.hosts().size());
        for (HostRecord r : u.hosts()) {
            host(out, r);
        }
        out.strings(u.removed());
        out.data.writeInt(u.events().size());
        for (MemoryUpdate.HostEvent e : u.events()) {
            out.string(e.key());
            event(out, e.event());
        }
        night(out, u.night());
    }

    static MemoryUpdate update(DataInputStream in) throws IOException {
        MemoryHead head = head(in);
        int hosts = in.readInt();
        List<HostRecord> records = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            records.add(host(in));
        }
        List<String> removed = strings(in);
        int events = in.readInt();
        List<MemoryUpdate.HostEvent> list = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            list.add(new MemoryUpdate.HostEvent(string(in), event(in)));
        }
        return MemoryUpdate.of(head, records, removed, list, night(in), null);
    }

    private static HeldBack.Reason reason(String id) {
        for (HeldBack.Reason r : HeldBack.Reason.values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason '" + id + "'");
    }
}
