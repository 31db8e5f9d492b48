package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.internal.xml.HostIndex;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.core.xml.ScanStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A scan as the job's memory reads it: its hosts, each with ndiff's id and a digest of what
 * matters of it, read in full only when the memory asks. A host the memory already absorbed
 * with the same digest is not read at all, so a night costs what changed.
 *
 * <p>A plain nmap XML file (or document in memory) is indexed by one pass over its bytes; one
 * the pass does not take (gzipped, cut short, another encoding) is read the usual way, and
 * its hosts have no digest: each is then absorbed in full. Not thread-safe.
 */
public final class ScanSource {
    /** One host of the scan: ndiff's id, the digest of what matters of it (null when unknown). */
    public static final class Entry {
        private final @Nullable String id;
        private final @Nullable String digest;
        private final Object handle;
        private final int position;

        Entry(@Nullable String id, @Nullable String digest, Object handle, int position) {
            this.id = id;
            this.digest = digest;
            this.handle = handle;
            this.position = position;
        }

        /**
         * Returns ndiff's id of the host: its first address padded, then its first name; null for a
         * host with neither, which nothing matches.
         */
        public @Nullable String id() {
            return id;
        }

        /** Returns the digest of the host's bytes that matter; null when the scan was read the usual way. */
        public @Nullable String digest() {
            return digest;
        }
    }

    private final String name;
    private final @Nullable Path file;
    private final byte @Nullable [] bytes;
    private final @Nullable HostIndex index;
    private final Supplier<Scan> careful;
    private @Nullable Scan parsed;
    private @Nullable Scan header;
    private @Nullable List<Entry> entries;

    private ScanSource(String name, @Nullable Path file, byte @Nullable [] bytes, @Nullable HostIndex index, Supplier<Scan> careful) {
        this.name = name;
        this.file = file;
        this.bytes = bytes;
        this.index = index;
        this.careful = careful;
    }

    /**
     * Returns the scan of a file.
     *
     * @param file the file, plain or gzipped; never null
     * @return the source, never null
     */
    public static ScanSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return new ScanSource(file.toString(), file, null, HostIndex.build(file), () -> new NmapXmlReader().read(file));
    }

    /**
     * Returns the scan of XML held in memory.
     *
     * @param xml the XML, plain or gzipped; never null, not to be modified while the source is used
     * @param name its name in error messages; never null
     * @return the source, never null
     */
    public static ScanSource of(byte[] xml, String name) {
        Objects.requireNonNull(xml, "xml");
        return new ScanSource(name, null, xml, HostIndex.build(xml), () -> new NmapXmlReader().read(new ByteArrayInputStream(xml), name));
    }

    /**
     * Returns a scan read already, with the file that holds its bytes: its hosts have digests
     * when the pass over the file takes it; when it does not, the scan is used as it was read (a
     * file nmap left empty, say).
     *
     * @param file the file of the scan's bytes; never null
     * @param scan the scan as read from them, read when asked for; never null
     * @return the source, never null
     */
    public static ScanSource of(Path file, Supplier<Scan> scan) {
        Objects.requireNonNull(scan, "scan");
        return new ScanSource(file.toString(), file, null, HostIndex.build(file), scan);
    }

    /**
     * Returns a scan already read, with its bytes; see {@link #of(Path, Supplier)}.
     *
     * @param xml the scan's bytes; never null, not to be modified while the source is used
     * @param scan the scan as read from them, read when asked for; never null
     * @return the source, never null
     */
    public static ScanSource of(byte[] xml, Supplier<Scan> scan) {
        Objects.requireNonNull(scan, "scan");
        return new ScanSource("the scan", null, xml, HostIndex.build(xml), scan);
    }

    /**
     * Returns a scan already read; its hosts have no digest.
     *
     * @param scan the scan; never null
     * @return the source, never null
     */
    public static ScanSource of(Scan scan) {
        Objects.requireNonNull(scan, "scan");
        return new ScanSource("scan", null, null, null, () -> scan);
    }

    /** Returns whether the hosts have digests (the pass over the bytes took the scan). */
    boolean indexed() {
        return index != null;
    }

    private Scan parsed() {
        if (parsed == null) {
            parsed = careful.get();
        }
        return parsed;
    }

    /**
     * Returns the scan without its hosts: the run's header, its scan info (which ports it
     * probed), its statistics and whether it is complete.
     */
    public Scan header() {
        if (header == null) {
            if (index != null) {
                try {
                    header = new NmapXmlReader().read(new ByteArrayInputStream(index.document(List.of())), name);
                } catch (IOException e) {
                    throw new ScanIoException("cannot read " + name + ": " + e.getMessage(), e);
                } catch (MalformedScanException e) {
                    header = parsed().withHosts(List.of());
                }
            } else {
                header = parsed().withHosts(List.of());
            }
        }
        return header;
    }

    /** Returns the hosts, in the order of the scan. */
    public List<Entry> entries() {
        if (entries == null) {
            List<Entry> all = new ArrayList<>();
            if (index != null) {
                try (HostIndex.Bytes bytes = index.bytes()) {
                    for (HostIndex.Entry e : index.hosts()) {
                        all.add(new Entry(e.id(), HostIndex.digest(bytes, e), e, all.size()));
                    }
                } catch (IOException e) {
                    throw new ScanIoException("cannot read " + name + ": " + e.getMessage(), e);
                }
            } else {
                for (Host h : parsed().hosts()) {
                    all.add(new Entry(NdiffHost.of(h).id(), null, h, all.size()));
                }
            }
            entries = all;
        }
        return entries;
    }

    /**
     * Reads hosts in full.
     *
     * @param chosen some of {@link #entries()}, in their order
     * @return the hosts, in the same order
     */
    public List<Host> read(List<Entry> chosen) {
        if (index == null || parsed != null) {
            return chosen.stream().map(e -> e.handle instanceof Host h ? h : find(e)).toList();
        }
        List<HostIndex.Entry> at = chosen.stream().map(e -> (HostIndex.Entry) e.handle).toList();
        try (ScanStream stream = new NmapXmlReader().open(new ByteArrayInputStream(index.document(at)), name)) {
            List<Host> hosts = new ArrayList<>(chosen.size());
            while (stream.hasNext()) {
                hosts.add(stream.next());
            }
            if (hosts.size() == chosen.size()) {
                return hosts;
            }
        } catch (IOException e) {
            throw new ScanIoException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (MalformedScanException e) {
            // the lines of a document made of fragments are not the file's: the careful reading says where
        }
        parsed();
        return chosen.stream().map(this::find).toList();
    }

    /**
     * Reads hosts in full and gives each, with its entry, to an action, in the order of the
     * scan. When all the hosts are asked for (the first scan a memory absorbs), they are read one
     * at a time as the file is, never held together.
     *
     * @param chosen some of {@link #entries()}, in their order
     * @param action what to do with each host
     */
    public void each(List<Entry> chosen, BiConsumer<Entry, Host> action) {
        if (index != null && parsed == null && chosen.size() == entries().size() && chosen.size() > 1000) {
            try (ScanStream stream = file != null ? new NmapXmlReader().open(file)
                    : new NmapXmlReader().open(new ByteArrayInputStream(bytes), name)) {
                int i = 0;
                while (stream.hasNext()) {
                    if (i >= chosen.size()) {
                        throw new MalformedScanException(name, 0, 0, "more hosts than the pass over its bytes found", null);
                    }
                    action.accept(chosen.get(i++), stream.next());
                }
            }
            return;
        }
        List<Host> hosts = read(chosen);
        for (int i = 0; i < hosts.size(); i++) {
            action.accept(chosen.get(i), hosts.get(i));
        }
    }

    /** The host of an entry in the careful reading, found by its place in the scan. */
    private Host find(Entry e) {
        return parsed().hosts().get(e.position);
    }

    @Override
    public String toString() {
        return "ScanSource[" + name + (index != null ? ", indexed" : "") + "]";
    }
}
