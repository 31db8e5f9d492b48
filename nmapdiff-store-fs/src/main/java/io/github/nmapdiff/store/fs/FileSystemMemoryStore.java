package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.memory.LegacyMemory;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.HostSummary;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.support.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The job's memory in a snapshot folder: a compacted base ({@code memory.dat}) and an
 * append-only log of the nights since ({@code memory.log}). A night appends one frame to the
 * log, the size of its changes, forced to disk; the base is rewritten only when the log has
 * grown to a quarter of it, so that its cost spreads over many nights. Nothing is read whole on
 * a night but the index of the hosts (their summaries); a host's record is read when the night
 * changes it.
 *
 * <p>Every frame carries its length and a CRC-32C, and the base ends with a frame that says
 * where its index is: a base cut short or damaged is refused, and the core learns the memory
 * again from the snapshots; a log frame cut short (a kill or a power cut during the write) is
 * the night that was not committed, and is dropped. Files are opened only if they are regular
 * files, never through a link.
 *
 * <p>Thread-safe; one run writes at a time (under the store's lock).
 */
final class FileSystemMemoryStore implements MemoryStore {
    static final String BASE = "memory.dat";
    static final String LOG = "memory.log";
    /** The memory of nmapdiff 0.1, taken in once and then removed. */
    static final String LEGACY = "state-memory.txt";

    private static final byte[] BASE_MAGIC = "nmapdiff memory base 2\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOG_MAGIC = "nmapdiff memory log 2\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte HEAD = 'H';
    private static final byte RECORD = 'R';
    private static final byte EVENTS = 'E';
    private static final byte NIGHT = 'N';
    private static final byte INDEX = 'I';
    private static final byte END = 'Z';
    private static final byte GENERATION = 'G';
    private static final byte BATCH = 'B';
    /** The end frame: length, CRC, type, the index frame's offset. */
    private static final int END_FRAME = 4 + 4 + 1 + 8;
    /** The log is folded into the base once it is this large, or a quarter of the base. */
    private static final long MIN_COMPACTION = 4L << 20;

    private final Path folder;
    private final AtomicFiles.Access access;
    private @Nullable State state;

    FileSystemMemoryStore(Path folder, AtomicFiles.Access access) {
        this.folder = folder;
        this.access = access;
    }

    /** Where a host's record is: in the base (by offset) or decoded from the log. */
    private static final class Slot {
        HostSummary summary;
        long offset = -1;
        int length;
        @Nullable HostRecord record;
        long eventsOffset = -1;
        int eventsLength;

        Slot(HostSummary summary) {
            this.summary = summary;
        }
    }

    /**
     * What is known once the files are read. The head and the log are read at once; the index
     * of the base (every host's summary, the nights) only when something asks for it, so that
     * a question that reads every host in order (the inventory) reads the base once.
     */
    private static final class State {
        long generation;
        @Nullable MemoryHead head;
        long baseSize;
        /** Where the base's index is; -1 without a base. */
        long indexAt = -1;
        /** The base's index frame, checked, until it is decoded. */
        @Nullable Frame index;
        /** Whether the index is read and the log's nights applied to it. */
        boolean indexed;
        /** The log's nights not yet applied to the index, in order (until it is read). */
        final List<MemoryUpdate> pending = new ArrayList<>();
        final TreeMap<String, Slot> hosts = new TreeMap<>();
        final List<Night> nights = new ArrayList<>();
        /** The events of the nights in the log, in order. */
        final List<MemoryUpdate.HostEvent> logEvents = new ArrayList<>();
        long logSize;
    }

    // ---------------------------------------------------------------- reading

    private synchronized State state() {
        if (state == null) {
            try {
                state = load();
            } catch (IOException | RuntimeException e) {
                throw new SnapshotStoreException("the memory of the network in " + folder + " is damaged or cannot be read ("
                        + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()) + ")", e);
            }
        }
        return state;
    }

    /** The state with the base's index read: what every question but the head and a pass over the hosts needs. */
    private synchronized State indexed() {
        State s = state();
        if (!s.indexed) {
            try {
                if (s.indexAt >= 0) {
                    try (FileChannel in = AtomicFiles.openToRead(folder.resolve(BASE))) {
                        readIndex(in, s);
                    }
                }
            } catch (IOException | RuntimeException e) {
                state = null;
                throw new SnapshotStoreException("the memory of the network in " + folder + " is damaged or cannot be read ("
                        + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()) + ")", e);
            }
            s.indexed = true;
            s.pending.forEach(u -> apply(s, u));
            s.pending.clear();
        }
        return s;
    }

    private State load() throws IOException {
        Path base = folder.resolve(BASE);
        if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS) && !Files.exists(folder.resolve(LOG), LinkOption.NOFOLLOW_LINKS)
                && Files.exists(folder.resolve(LEGACY), LinkOption.NOFOLLOW_LINKS)) {
            migrate();
        }
        State s = new State();
        if (Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            readBase(base, s);
        }
        Path log = folder.resolve(LOG);
        if (Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            readLog(log, s);
        }
        return s;
    }

    private void readBase(Path file, State s) throws IOException {
        try (FileChannel in = AtomicFiles.openToRead(file)) {
            long size = in.size();
            s.baseSize = size;
            byte[] magic = read(in, 0, BASE_MAGIC.length);
            if (!Arrays.equals(magic, BASE_MAGIC) || size < BASE_MAGIC.length + END_FRAME) {
                throw new IOException(file.getFileName() + " is not a memory of this version, or is cut short");
            }
            Frame end = frame(in, size - END_FRAME);
            if (end.type != END) {
                throw new IOException(file.getFileName() + " is cut short: it does not end as a memory file does");
            }
            s.indexAt = end.data().readLong();
            Frame head = frame(in, BASE_MAGIC.length);
            DataInputStream h = head.data();
            if (head.type != HEAD) {
                throw new IOException(file.getFileName() + " does not start with the memory's head");
            }
            s.generation = h.readLong();
            s.head = h.readBoolean() ? MemoryCodec.head(h) : null;
            // the index is checked now (damage is found before a night starts) and decoded when it is asked for
            Frame index = s.indexAt < BASE_MAGIC.length || s.indexAt >= size - END_FRAME ? null : frame(in, s.indexAt);
            if (index == null || index.type != INDEX) {
                throw new IOException(file.getFileName() + " has no index where its end says");
            }
            s.index = index;
        }
    }

    private void readIndex(FileChannel in, State s) throws IOException {
        Frame frame = s.index;
        if (frame == null) {
            throw new IOException("the base's index was read already");
        }
        DataInputStream x = frame.data();
        s.index = null;
        int hosts = x.readInt();
        for (int i = 0; i < hosts; i++) {
            Slot slot = new Slot(HostSummary.of(MemoryCodec.string(x), MemoryCodec.optional(x), MemoryCodec.optional(x),
                    MemoryCodec.optional(x), x.readBoolean(), x.readBoolean(), MemoryCodec.optional(x), MemoryCodec.optional(x)));
            slot.offset = x.readLong();
            slot.length = x.readInt();
            slot.eventsOffset = x.readLong();
            slot.eventsLength = x.readInt();
            s.hosts.put(slot.summary.key(), slot);
        }
        int nights = x.readInt();
        long at = x.readLong();
        for (int i = 0; i < nights; i++) {
            Frame n = frame(in, at);
            if (n.type != NIGHT) {
                throw new IOException(BASE + " has no night where its index says");
            }
            s.nights.add(MemoryCodec.night(n.data()));
            at += n.size();
        }
    }

    private void readLog(Path file, State s) throws IOException {
        try (FileChannel in = AtomicFiles.openToRead(file)) {
            long size = in.size();
            if (size < LOG_MAGIC.length || !Arrays.equals(read(in, 0, LOG_MAGIC.length), LOG_MAGIC)) {
                s.logSize = 0; // cut before its first frame: there is nothing in it
                return;
            }
            long at = LOG_MAGIC.length;
            Frame first = tryFrame(in, at, size);
            if (first == null || first.type != GENERATION) {
                s.logSize = 0;
                return;
            }
            long generation = first.data().readLong();
            if (generation != s.generation) {
                // the base was rewritten from this log and the log not yet started again: it is in the base
                s.logSize = 0;
                return;
            }
            at += first.size();
            while (at < size) {
                Frame batch = tryFrame(in, at, size);
                if (batch == null || batch.type != BATCH) {
                    break; // the night being written when the run was stopped: it was not committed
                }
                MemoryUpdate u = MemoryCodec.update(batch.data());
                s.pending.add(u);
                s.head = u.head();
                at += batch.size();
            }
            s.logSize = at;
        }
    }

    /** Applies a night to the state: to the index when it is read, else kept for when it is. */
    private static void take(State s, MemoryUpdate u) {
        if (s.indexed) {
            apply(s, u);
        } else {
            s.pending.add(u);
            s.head = u.head();
        }
    }

    private static void apply(State s, MemoryUpdate u) {
        for (String key : u.removed()) {
            s.hosts.remove(key);
        }
        for (HostRecord r : u.hosts()) {
            Slot slot = s.hosts.computeIfAbsent(r.key(), k -> new Slot(r.summary()));
            slot.summary = r.summary();
            slot.record = r;
        }
        s.logEvents.addAll(u.events());
        s.nights.removeIf(n -> n.snapshotId().equals(u.night().snapshotId()));
        s.nights.add(u.night());
        s.head = u.head();
    }

    /** A frame read whole: its type and its payload. */
    private record Frame(byte type, byte[] payload) {
        DataInputStream data() {
            return new MemoryCodec.In(payload);
        }

        long size() {
            return 4 + 4 + 1 + (long) payload.length;
        }
    }

    private static Frame frame(FileChannel in, long at) throws IOException {
        Frame f = tryFrame(in, at, in.size());
        if (f == null) {
            throw new IOException("a damaged frame at byte " + at);
        }
        return f;
    }

    /** The frame at an offset; null when it is cut short or its checksum does not match. */
    private static @Nullable Frame tryFrame(FileChannel in, long at, long size) throws IOException {
        if (at + 9 > size) {
            return null;
        }
        ByteBuffer header = ByteBuffer.wrap(read(in, at, 9));
        int length = header.getInt();
        int crc = header.getInt();
        byte type = header.get();
        if (length < 0 || at + 9 + length > size) {
            return null;
        }
        byte[] payload = read(in, at + 9, length);
        CRC32C check = new CRC32C();
        check.update(type);
        check.update(payload);
        return (int) check.getValue() == crc ? new Frame(type, payload) : null;
    }

    private static byte[] read(FileChannel in, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (in.read(b, at + b.position()) < 0) {
                throw new IOException("the file ends early");
            }
        }
        return b.array();
    }

    private HostRecord record(Slot slot, @Nullable FileChannel base) throws IOException {
        if (slot.record != null) {
            return slot.record;
        }
        if (base == null) {
            throw new IOException("no base file, but the index names a host record in it");
        }
        Frame f = frame(base, slot.offset);
        if (f.type != RECORD) {
            throw new IOException("no host record where the index says");
        }
        return MemoryCodec.host(f.data());
    }

    private List<TimelineEvent> baseEvents(Slot slot, @Nullable FileChannel base) throws IOException {
        if (slot.eventsOffset < 0 || base == null) {
            return List.of();
        }
        Frame f = frame(base, slot.eventsOffset);
        DataInputStream in = f.data();
        MemoryCodec.string(in);
        int n = in.readInt();
        List<TimelineEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(MemoryCodec.event(in));
        }
        return events;
    }

    /** Runs a reading of the base, which may be absent (a memory only in the log). */
    private <T> T withBase(IoFunction<FileChannel, T> reading) {
        Path base = folder.resolve(BASE);
        try {
            if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
                return reading.apply(null);
            }
            try (FileChannel in = AtomicFiles.openToRead(base)) {
                return reading.apply(in);
            }
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot read the memory of the network in " + folder + ": " + AtomicFiles.describe(e), e);
        }
    }

    @FunctionalInterface
    private interface IoFunction<A, B> {
        B apply(@Nullable A a) throws IOException;
    }

    @FunctionalInterface
    private interface IoConsumer<A> {
        void accept(@Nullable A a) throws IOException;
    }

    /** Runs a reading of the base that gives nothing back. */
    private void readBase(IoConsumer<FileChannel> reading) {
        withBase(base -> {
            reading.accept(base);
            return Boolean.TRUE;
        });
    }

    @Override
    public synchronized Optional<MemoryHead> head() {
        return Optional.ofNullable(state().head);
    }

    @Override
    public synchronized List<HostSummary> summaries() {
        State s = indexed();
        List<HostSummary> all = new ArrayList<>(s.hosts.size());
        s.hosts.values().forEach(slot -> all.add(slot.summary));
        return all;
    }

    @Override
    public synchronized Map<String, HostRecord> hosts(Collection<String> keys) {
        State s = indexed();
        return withBase(base -> {
            Map<String, HostRecord> found = new HashMap<>();
            for (String key : keys) {
                Slot slot = s.hosts.get(key);
                if (slot != null) {
                    found.put(key, record(slot, base));
                }
            }
            return found;
        });
    }

    /**
     * Gives every record to an action, in order of key: the base's records in one pass (they
     * lie in that order), with the log's nights over them. The index is not needed for it.
     */
    @Override
    public void forEachHost(Consumer<HostRecord> action) {
        List<Slot> slots = null;
        TreeMap<String, HostRecord> changed = new TreeMap<>();
        Set<String> removed = new HashSet<>();
        long recordsAt;
        synchronized (this) {
            State s = state();
            if (s.indexed) {
                slots = new ArrayList<>(s.hosts.values());
            } else {
                for (MemoryUpdate u : s.pending) {
                    for (String key : u.removed()) {
                        changed.remove(key);
                        removed.add(key);
                    }
                    for (HostRecord r : u.hosts()) {
                        changed.put(r.key(), r);
                        removed.remove(r.key());
                    }
                }
            }
            recordsAt = s.indexAt;
        }
        List<Slot> indexed = slots;
        readBase(base -> {
            Sequential frames = base == null ? null : new Sequential(base);
            if (indexed != null) {
                for (Slot slot : indexed) {
                    if (slot.record != null) {
                        action.accept(slot.record);
                        continue;
                    }
                    if (frames == null) {
                        throw new IOException("no base file, but the index names a host record in it");
                    }
                    Frame f = frames.frame(slot.offset);
                    if (f.type != RECORD) {
                        throw new IOException("no host record where the index says");
                    }
                    action.accept(MemoryCodec.host(f.data()));
                }
                return;
            }
            Iterator<HostRecord> fromLog = changed.values().iterator();
            HostRecord next = fromLog.hasNext() ? fromLog.next() : null;
            if (frames != null && recordsAt >= 0) {
                long at = BASE_MAGIC.length;
                at += frames.frame(at).size(); // the head
                while (at < recordsAt) {
                    Frame f = frames.frame(at);
                    at += f.size();
                    if (f.type != RECORD) {
                        break; // the records end where the events begin
                    }
                    HostRecord r = MemoryCodec.host(f.data());
                    while (next != null && next.key().compareTo(r.key()) < 0) {
                        action.accept(next);
                        next = fromLog.hasNext() ? fromLog.next() : null;
                    }
                    if (next != null && next.key().equals(r.key())) {
                        continue; // the log's record of it stands; it comes next
                    }
                    if (!removed.contains(r.key())) {
                        action.accept(r);
                    }
                }
            }
            while (next != null) {
                action.accept(next);
                next = fromLog.hasNext() ? fromLog.next() : null;
            }
        });
    }

    /** Reads frames at increasing offsets through one large buffer, so that a pass over the base reads the file once. */
    private static final class Sequential {
        private final FileChannel in;
        private final long size;
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        private long bufferAt = -1;

        Sequential(FileChannel in) throws IOException {
            this.in = in;
            this.size = in.size();
        }

        Frame frame(long at) throws IOException {
            ByteBuffer header = window(at, 9);
            int length = header.getInt();
            int crc = header.getInt();
            byte type = header.get();
            if (length < 0 || at + 9 + length > size) {
                throw new IOException("a damaged frame at byte " + at);
            }
            byte[] payload = new byte[length];
            window(at + 9, length).get(payload);
            CRC32C check = new CRC32C();
            check.update(type);
            check.update(payload);
            if ((int) check.getValue() != crc) {
                throw new IOException("a damaged frame at byte " + at);
            }
            return new Frame(type, payload);
        }

        /** The bytes {@code [at, at + length)}, from the buffer, which is filled again from {@code at} when they are not in it. */
        private ByteBuffer window(long at, int length) throws IOException {
            if (bufferAt < 0 || at < bufferAt || at + length > bufferAt + buffer.limit()) {
                if (length > buffer.capacity()) {
                    buffer = ByteBuffer.allocate(length);
                }
                buffer.clear();
                while (buffer.hasRemaining() && in.read(buffer, at + buffer.position()) > 0) {
                    // fill
                }
                buffer.flip();
                bufferAt = at;
                if (buffer.limit() < length) {
                    throw new IOException("the file ends early");
                }
            }
            ByteBuffer slice = buffer.duplicate();
            slice.position((int) (at - bufferAt)).limit((int) (at - bufferAt) + length);
            return slice;
        }
    }

    @Override
    public synchronized List<TimelineEvent> events(String key) {
        State s = indexed();
        Slot slot = s.hosts.get(key);
        List<TimelineEvent> events = new ArrayList<>(slot == null ? List.of() : withBase(base -> baseEvents(slot, base)));
        for (MemoryUpdate.HostEvent e : s.logEvents) {
            if (e.key().equals(key)) {
                events.add(e.event());
            }
        }
        return events;
    }

    @Override
    public void forEachEvent(Consumer<MemoryUpdate.HostEvent> action) {
        List<MemoryUpdate.HostEvent> all;
        synchronized (this) {
            all = allEvents(indexed());
        }
        all.forEach(action);
    }

    /** Every event, oldest first: those of the base, then those of the log. */
    private List<MemoryUpdate.HostEvent> allEvents(State s) {
        List<MemoryUpdate.HostEvent> all = new ArrayList<>();
        readBase(base -> {
            for (Map.Entry<String, Slot> e : s.hosts.entrySet()) {
                for (TimelineEvent event : baseEvents(e.getValue(), base)) {
                    all.add(new MemoryUpdate.HostEvent(e.getKey(), event));
                }
            }
        });
        all.sort(Comparator.comparing(e -> e.event().when()));
        all.addAll(s.logEvents);
        return all;
    }

    @Override
    public synchronized List<Night> nights() {
        return List.copyOf(indexed().nights);
    }

    // ---------------------------------------------------------------- writing

    @Override
    public synchronized void commit(MemoryUpdate update) {
        State s = state();
        Path log = folder.resolve(LOG);
        try {
            if (s.logSize == 0) {
                startLog(s.generation);
                s.logSize = LOG_MAGIC.length + frameBytes(GENERATION, longBytes(s.generation)).length;
            }
            MemoryCodec.Out out = new MemoryCodec.Out();
            MemoryCodec.update(out, update);
            byte[] frame = frameBytes(BATCH, out.toBytes());
            try (FileChannel channel = AtomicFiles.openToAppend(log, access)) {
                if (channel.size() != s.logSize) {
                    channel.truncate(s.logSize); // the end of a night that was not committed
                }
                ByteBuffer b = ByteBuffer.wrap(frame);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                channel.force(true);
            }
            s.logSize += frame.length;
        } catch (IOException e) {
            // what was read stays true; the file is read again on the next use
            state = null;
            throw new SnapshotStoreException("cannot keep the memory of the network in " + folder + ": " + AtomicFiles.describe(e)
                    + "; nothing of this night was kept, and the next run absorbs its scan again", e);
        }
        take(s, update);
        if (s.logSize > Math.max(MIN_COMPACTION, s.baseSize / 4)) {
            compact();
        }
    }

    @Override
    public synchronized void clear() {
        State s;
        try {
            s = state();
        } catch (SnapshotStoreException damaged) {
            s = new State();
            s.generation = readGeneration();
        }
        State empty = new State();
        empty.generation = s.generation + 1;
        try {
            writeBase(empty, null);
            startLog(empty.generation);
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot clear the memory of the network in " + folder + ": " + AtomicFiles.describe(e), e);
        }
        state = null;
    }

    /** The generation of a damaged base, read as far as it can be; 0 when it cannot. */
    private long readGeneration() {
        try (FileChannel in = AtomicFiles.openToRead(folder.resolve(BASE))) {
            Frame head = tryFrame(in, BASE_MAGIC.length, in.size());
            return head == null ? 0 : head.data().readLong();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Folds the log into a new base: the base first (whole, or not at all), then a new, empty log. */
    synchronized void compact() {
        State s = indexed();
        State next = new State();
        next.generation = s.generation + 1;
        next.head = s.head;
        try {
            List<HostRecord> records = new ArrayList<>(s.hosts.size());
            forEachHost(records::add);
            Map<String, List<TimelineEvent>> events = new LinkedHashMap<>();
            for (MemoryUpdate.HostEvent e : allEvents(s)) {
                events.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.event());
            }
            next.nights.addAll(s.nights);
            writeBase(next, new Contents(records, events));
            startLog(next.generation);
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot rewrite the memory of the network in " + folder + ": " + AtomicFiles.describe(e)
                    + "; the memory as it was is intact", e);
        }
        state = null;
    }

    private record Contents(List<HostRecord> records, Map<String, List<TimelineEvent>> events) {
    }

    private void writeBase(State s, @Nullable Contents contents) throws IOException {
        AtomicFiles.writeAtomically(folder.resolve(BASE), access, out -> {
            long[] at = {0};
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    at[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    at[0] += len;
                }
            };
            counting.write(BASE_MAGIC);
            MemoryCodec.Out head = new MemoryCodec.Out();
            head.data.writeLong(s.generation);
            head.data.writeBoolean(s.head != null);
            if (s.head != null) {
                MemoryCodec.head(head, s.head);
            }
            counting.write(frameBytes(HEAD, head.toBytes()));
            List<HostRecord> records = contents == null ? List.of() : contents.records();
            Map<String, List<TimelineEvent>> events = contents == null ? Map.of() : contents.events();
            long[][] places = new long[records.size()][4];
            for (int i = 0; i < records.size(); i++) {
                MemoryCodec.Out r = new MemoryCodec.Out();
                MemoryCodec.host(r, records.get(i));
                byte[] frame = frameBytes(RECORD, r.toBytes());
                places[i][0] = at[0];
                places[i][1] = frame.length;
                places[i][2] = -1;
                counting.write(frame);
            }
            for (int i = 0; i < records.size(); i++) {
                List<TimelineEvent> list = events.get(records.get(i).key());
                if (list == null || list.isEmpty()) {
                    continue;
                }
                MemoryCodec.Out e = new MemoryCodec.Out();
                e.string(records.get(i).key());
                e.data.writeInt(list.size());
                for (TimelineEvent event : list) {
                    MemoryCodec.event(e, event);
                }
                byte[] frame = frameBytes(EVENTS, e.toBytes());
                places[i][2] = at[0];
                places[i][3] = frame.length;
                counting.write(frame);
            }
            long nightsAt = at[0];
            for (Night n : s.nights) {
                MemoryCodec.Out night = new MemoryCodec.Out();
                MemoryCodec.night(night, n);
                counting.write(frameBytes(NIGHT, night.toBytes()));
            }
            long indexAt = at[0];
            MemoryCodec.Out index = new MemoryCodec.Out();
            index.data.writeInt(records.size());
            for (int i = 0; i < records.size(); i++) {
                HostSummary sum = records.get(i).summary();
                index.string(sum.key()).string(sum.address()).string(sum.mac()).string(sum.name());
                index.data.writeBoolean(sum.present());
                index.data.writeBoolean(sum.watched());
                index.string(sum.observationId()).string(sum.observation());
                index.data.writeLong(places[i][0]);
                index.data.writeInt((int) places[i][1]);
                index.data.writeLong(places[i][2]);
                index.data.writeInt((int) places[i][3]);
            }
            index.data.writeInt(s.nights.size());
            index.data.writeLong(nightsAt);
            counting.write(frameBytes(INDEX, index.toBytes()));
            counting.write(frameBytes(END, longBytes(indexAt)));
        });
    }

    private void startLog(long generation) throws IOException {
        byte[] header = frameBytes(GENERATION, longBytes(generation));
        byte[] bytes = Arrays.copyOf(LOG_MAGIC, LOG_MAGIC.length + header.length);
        System.arraycopy(header, 0, bytes, LOG_MAGIC.length, header.length);
        AtomicFiles.writeAtomically(folder.resolve(LOG), bytes, access);
    }

    /** Takes in the memory of nmapdiff 0.1 once: a base made from it, then the old file removed. */
    private void migrate() throws IOException {
        Path legacy = folder.resolve(LEGACY);
        byte[] text;
        try (FileChannel in = AtomicFiles.openToRead(legacy)) {
            text = read(in, 0, Math.toIntExact(in.size()));
        }
        LegacyMemory.Contents old;
        try {
            old = LegacyMemory.read(text);
        } catch (IllegalArgumentException e) {
            Files.delete(legacy); // unreadable: the memory is learned again from the snapshots
            return;
        }
        State s = new State();
        s.generation = 1;
        s.head = old.head();
        s.nights.addAll(old.nights());
        Map<String, List<TimelineEvent>> events = new LinkedHashMap<>();
        for (MemoryUpdate.HostEvent e : old.events()) {
            events.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.event());
        }
        List<HostRecord> records = new ArrayList<>(old.hosts());
        records.sort(Comparator.comparing(HostRecord::key));
        writeBase(s, new Contents(records, events));
        startLog(s.generation);
        Files.delete(legacy);
    }

    // ---------------------------------------------------------------- frames

    private static byte[] frameBytes(byte type, byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 9);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(payload.length);
        out.writeInt((int) crc.getValue());
        out.writeByte(type);
        out.write(payload);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    @Override
    public String toString() {
        return "FileSystemMemoryStore[" + folder + "]";
    }
}
