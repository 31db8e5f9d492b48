package io.github.nmapdiff.store.fs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.SnapshotStore;
import io.github.nmapdiff.core.spi.StoreLock;
import io.github.nmapdiff.core.support.AtomicFiles;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps snapshots in a folder, as nmap XML files a person and {@code ndiff} can use directly.
 *
 * <pre>
 * DIR/scan-20261128T020001Z.xml      the bytes nmap wrote, named by scan start (UTC)
 * DIR/scan-20261128T020001Z.json     what nmapdiff knows of it: complete, targets, arguments, changes
 * DIR/scan-20261101T020001Z.xml.gz   an older snapshot, compressed
 * DIR/memory.dat, DIR/memory.log     the job's memory of the network: a base and the nights since
 * DIR/.nmapdiff.lock                 held by the run that uses the folder
 * </pre>
 *
 * <p>Every write goes to a temporary file, is forced to disk, and is renamed into place, so a
 * crash leaves either the old state or the whole new snapshot; temporary files are never
 * taken for snapshots and are cleared by the next run. A file that is not a snapshot, or
 * whose metadata is unreadable, is reported ({@link #problems()}) and skipped, never fatal.
 * Snapshot ids are checked, so no id can reach outside the folder.
 *
 * <p>Instances are thread-safe; {@link #lock(Duration)} serialises runs across processes.
 */
public final class FileSystemSnapshotStore implements SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemSnapshotStore.class);
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z(?:-(\\d{1,4}))?");
    private static final Pattern XML_NAME = Pattern.compile("scan-(" + ID.pattern() + ")\\.xml(\\.gz)?");
    private static final Pattern JSON_NAME = Pattern.compile("scan-(" + ID.pattern() + ")\\.json");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String LOCK_FILE = ".nmapdiff.lock";
    /** What else may live in the folder without being a problem. */
    /** Where the scans under way write, so that the next run finds what a killed one left. */
    public static final String RUNNING_FOLDER = ".running";
    /** Files whose names start so belong to the job that uses the folder; the store leaves them alone. */
    public static final String JOB_FILES = "job.";

    private static final Set<String> OWN_NAMES = Set.of(LOCK_FILE, "outbox", "nmapdiff.properties", RUNNING_FOLDER,
            FileSystemMemoryStore.BASE, FileSystemMemoryStore.LOG, FileSystemMemoryStore.LEGACY);

    private final Path folder;
    private final Clock clock;
    private final AtomicFiles.Access access;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final NmapXmlReader reader = new NmapXmlReader();
    private final FileSystemMemoryStore memory;

    private FileSystemSnapshotStore(Path folder, Clock clock, AtomicFiles.Access access) {
        this.folder = folder;
        this.clock = clock;
        this.access = access;
        this.memory = new FileSystemMemoryStore(folder, access);
    }

    /**
     * Opens the store in a folder, creating the folder when it does not exist.
     *
     * @param folder the folder, never null
     * @return the store, never null
     * @throws SnapshotStoreException when the folder cannot be created or is not a folder
     */
    public static FileSystemSnapshotStore open(Path folder) {
        return open(folder, Clock.systemUTC());
    }

    /**
     * Opens the store with a clock for retention ages.
     *
     * @param folder the folder, never null
     * @param clock the clock, never null
     * @return the store, never null
     */
    public static FileSystemSnapshotStore open(Path folder, Clock clock) {
        return open(folder, clock, false);
    }

    /**
     * Opens the store. What it writes describes the network's weak points: files are readable
     * by their owner only (0600, a folder it creates 0700), or also by the group (0640, 0750).
     *
     * @param folder the folder, never null
     * @param clock the clock for retention ages and for when a snapshot was kept, never null
     * @param groupReadable whether the file's group may read the snapshots too
     * @return the store, never null
     * @throws SnapshotStoreException when the folder cannot be created or is not a folder
     */
    public static FileSystemSnapshotStore open(Path folder, Clock clock, boolean groupReadable) {
        Objects.requireNonNull(folder, "folder");
        AtomicFiles.Access access = groupReadable ? AtomicFiles.Access.GROUP : AtomicFiles.Access.OWNER;
        try {
            AtomicFiles.createFolder(folder, access);
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot create the snapshot folder " + folder + ": " + AtomicFiles.describe(e)
                    + " (check the path and its permissions)", e);
        }
        if (!Files.isDirectory(folder)) {
            throw new SnapshotStoreException(folder + " is not a folder; give a folder for the snapshots with -o DIR", null);
        }
        warnIfOthersCanWrite(folder);
        return new FileSystemSnapshotStore(folder.toAbsolutePath().normalize(), Objects.requireNonNull(clock, "clock"), access);
    }

    private static void warnIfOthersCanWrite(Path folder) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            if (permissions.contains(PosixFilePermission.OTHERS_WRITE) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("the snapshot folder {} is open to other users ({}); the scans describe your network's weak points:"
                        + " chmod 700 it", folder, PosixFilePermissions.toString(permissions));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    @Override
    public String id() {
        return "fs";
    }

    /** Returns the folder. */
    public Path folder() {
        return folder;
    }

    /** Returns the XML file of a snapshot (plain or {@code .xml.gz}), for tools such as ndiff. */
    public Path xmlFile(String id) {
        checkId(id);
        Path plain = folder.resolve("scan-" + id + ".xml");
        Path gz = folder.resolve("scan-" + id + ".xml.gz");
        if (Files.exists(plain)) {
            return plain;
        }
        if (Files.exists(gz)) {
            return gz;
        }
        throw new SnapshotStoreException("no snapshot " + id + " in " + folder + " (nmapdiff history " + folder + " lists them)", null);
    }

    // ---------------------------------------------------------------- saving

    @Override
    public synchronized Snapshot save(NewSnapshot snapshot) {
        removeTemporaryFiles();
        String id = freeId(snapshot.start());
        Scan scan = snapshot.summary().header();
        Snapshot saved = snapshot.toSnapshot(id, clock.instant());
        // metadata first: a crash before the scan is renamed into place leaves metadata without
        // a scan, which is ignored; never a scan whose targets and arguments are unknown
        byte[] metadata;
        try {
            metadata = json.writeValueAsBytes(Metadata.of(saved, scan));
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot write the metadata of " + id, e);
        }
        writeAtomically(metadataFile(id), metadata, id);
        try {
            Path target = folder.resolve("scan-" + id + ".xml");
            Optional<Path> source = snapshot.xmlFile();
            // a scan in a file is copied, never whole in memory
            writeAtomically(target, source.isPresent() ? out -> Files.copy(source.get(), out) : out -> out.write(snapshot.xml()), id);
        } catch (NmapDiffException e) {
            deleteQuietly(metadataFile(id));
            throw e;
        }
        return saved;
    }

    private String freeId(Instant start) {
        String base = ID_TIME.format(start);
        String id = base;
        for (int n = 2; exists(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean exists(String id) {
        return Files.exists(folder.resolve("scan-" + id + ".xml")) || Files.exists(folder.resolve("scan-" + id + ".xml.gz"))
                || Files.exists(metadataFile(id));
    }

    private Path metadataFile(String id) {
        return folder.resolve("scan-" + id + ".json");
    }

    /** Write to a temporary file, force it to disk, rename it into place, and force the folder. */
    private void writeAtomically(Path target, byte[] bytes, String id) {
        writeAtomically(target, out -> out.write(bytes), id);
    }

    private void writeAtomically(Path target, AtomicFiles.Content content, String id) {
        try {
            AtomicFiles.writeAtomically(target, access, content);
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot save snapshot " + id + " in " + folder + ": " + AtomicFiles.describe(e)
                    + ". Nothing was half-written and the earlier snapshots are intact;"
                    + " free some space or fix the permissions, then run again", e);
        }
    }

    private void forceFolder() {
        AtomicFiles.forceFolder(folder);
    }

    private void removeTemporaryFiles() {
        try {
            for (String name : AtomicFiles.removeTemporaryFiles(folder)) {
                LOG.info("removed {}, left by an interrupted write", name);
            }
        } catch (IOException e) {
            LOG.warn("cannot clear the temporary files of {}: {}", folder, e.toString());
        }
    }

    // ---------------------------------------------------------------- reading

    /** Returns every snapshot, by start time; {@link Snapshots} orders them as taken. */
    @Override
    public List<Snapshot> list() {
        return scanFolder(new ArrayList<>());
    }

    /**
     * Returns what is wrong in the folder: files that are not snapshots, metadata that cannot
     * be read. Listing skips them; this says what they are.
     *
     * @return one message per problem, never null
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        scanFolder(problems);
        return problems;
    }

    private synchronized List<Snapshot> scanFolder(List<String> problems) {
        List<Snapshot> snapshots = new ArrayList<>();
        Set<String> xmlIds = new HashSet<>();
        List<String> jsonIds = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher xml = XML_NAME.matcher(name);
                Matcher meta = JSON_NAME.matcher(name);
                if (xml.matches()) {
                    xmlIds.add(xml.group(1));
                } else if (meta.matches()) {
                    jsonIds.add(meta.group(1));
                } else if (!OWN_NAMES.contains(name) && !name.startsWith(JOB_FILES) && !AtomicFiles.isTemporary(name)) {
                    problems.add(name + ": not a snapshot file; ignored");
                }
            }
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot list the snapshot folder " + folder + ": " + e.getMessage(), e);
        }
        for (String id : jsonIds) {
            if (!xmlIds.contains(id)) {
                problems.add("scan-" + id + ".json: metadata without its scan; ignored");
            }
        }
        for (String id : xmlIds) {
            Snapshot s = load(id, problems);
            if (s != null) {
                snapshots.add(s);
            }
        }
        snapshots.sort(Comparator.comparing(Snapshot::start).thenComparing(s -> suffix(s.id())));
        problems.forEach(p -> LOG.warn("{}: {}", folder, p));
        return snapshots;
    }

    private static int suffix(String id) {
        Matcher m = ID.matcher(id);
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The snapshot from its metadata, or, where that is missing or unreadable, from its XML. */
    private @Nullable Snapshot load(String id, List<String> problems) {
        Path meta = metadataFile(id);
        if (Files.exists(meta)) {
            try {
                Metadata m = json.readValue(meta.toFile(), Metadata.class);
                if (id.equals(m.id)) {
                    return m.toSnapshot();
                }
                problems.add(meta.getFileName() + ": names snapshot " + m.id + ", not " + id + "; using the scan itself");
            } catch (IOException | RuntimeException e) {
                problems.add(meta.getFileName() + ": unreadable metadata (" + firstLine(e) + "); using the scan itself");
            }
        } else {
            problems.add("scan-" + id + ": no metadata; using the scan itself (targets and arguments unknown)");
        }
        try {
            Scan scan = reader.read(openXml(id), location(id));
            Instant start = scan.start() != null ? scan.start() : Instant.from(ID_TIME.parse(id.replaceFirst("-\\d+$", "")));
            // its run is long over: nothing to finish, and its scope unknown (no targets)
            return Snapshot.builder(id, start).savedAt(Files.getLastModifiedTime(xmlFile(id)).toInstant())
                    .complete(scan.complete()).hosts(scan.hosts().size()).finished(true).build();
        } catch (IOException e) {
            problems.add("scan-" + id + ": " + AtomicFiles.describe(e) + "; skipped");
            return null;
        } catch (NmapDiffException e) {
            problems.add("scan-" + id + ": unreadable scan (" + firstLine(e) + "); skipped");
            return null;
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public Optional<Snapshot> get(String id) {
        checkId(id);
        return list().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Opens the XML of a snapshot; a compressed one ({@code .xml.gz}) is decompressed as it is read. */
    @Override
    public InputStream openXml(String id) {
        Path file = xmlFile(id);
        try {
            InputStream in = Files.newInputStream(file);
            return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot read snapshot " + id + " (" + file + "): " + AtomicFiles.describe(e), e);
        }
    }

    /** Names the snapshot's file. */
    @Override
    public String location(String id) {
        try {
            return xmlFile(id).toString();
        } catch (RuntimeException e) {
            return "snapshot " + id + " in " + folder;
        }
    }

    @Override
    public synchronized void update(Snapshot snapshot) {
        checkId(snapshot.id());
        xmlFile(snapshot.id());
        Metadata previous = null;
        try {
            if (Files.exists(metadataFile(snapshot.id()))) {
                previous = json.readValue(metadataFile(snapshot.id()).toFile(), Metadata.class);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("replacing unreadable metadata of {}: {}", snapshot.id(), e.toString());
        }
        Metadata m = Metadata.of(snapshot, null);
        if (previous != null) {
            m.nmapVersion = previous.nmapVersion;
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot write the metadata of " + snapshot.id(), e);
        }
        try {
            AtomicFiles.writeAtomically(metadataFile(snapshot.id()), access, out -> out.write(bytes));
        } catch (IOException e) {
            // the snapshot is on disk: only what its run found is not recorded, and the next run finishes that
            throw new SnapshotStoreException("cannot record what the run of snapshot " + snapshot.id() + " found, in " + folder + ": "
                    + AtomicFiles.describe(e) + ". The scan itself is kept (scan-" + snapshot.id() + ".xml) and the next run"
                    + " compares and reports it; free some space or fix the permissions", e);
        }
    }

    private static void checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a snapshot id (like 20261128T020001Z); "
                    + "nmapdiff history DIR lists them");
        }
    }

    // ---------------------------------------------------------------- the memory

    /** The job's memory of the network, kept beside the snapshots ({@code memory.dat}, {@code memory.log}). */
    @Override
    public Optional<MemoryStore> memory() {
        return Optional.of(memory);
    }

    /** The plain XML file of a snapshot; empty for a compressed one. */
    @Override
    public Optional<Path> localFile(String id) {
        checkId(id);
        Path plain = folder.resolve("scan-" + id + ".xml");
        return Files.isRegularFile(plain, LinkOption.NOFOLLOW_LINKS) ? Optional.of(plain) : Optional.empty();
    }

    // ---------------------------------------------------------------- removing and compression

    @Override
    public synchronized void delete(String id) {
        checkId(id);
        // the scan goes first: metadata without a scan is ignored, a scan without metadata would still list
        for (Path file : List.of(folder.resolve("scan-" + id + ".xml"), folder.resolve("scan-" + id + ".xml.gz"),
                metadataFile(id))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new SnapshotStoreException("cannot remove snapshot " + id + " (" + file + "): " + AtomicFiles.describe(e)
                        + "; check the folder's permissions", e);
            }
        }
        forceFolder();
        LOG.info("removed snapshot {} from {}", id, folder);
    }

    /**
     * Compresses, with gzip, every snapshot older than the newest {@code keepPlain}; they stay
     * readable as before ({@code zcat} them for ndiff).
     *
     * @param keepPlain how many of the newest snapshots stay plain XML, at least 0
     * @return the ids compressed now, never null
     */
    public synchronized List<String> compress(int keepPlain) {
        List<Snapshot> all = Snapshots.ordered(list());
        List<String> compressed = new ArrayList<>();
        for (Snapshot s : all.subList(0, Math.max(0, all.size() - Math.max(0, keepPlain)))) {
            Path plain = folder.resolve("scan-" + s.id() + ".xml");
            if (!Files.exists(plain)) {
                continue;
            }
            try {
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(gz)) {
                    out.write(Files.readAllBytes(plain));
                }
                writeAtomically(folder.resolve("scan-" + s.id() + ".xml.gz"), gz.toByteArray(), s.id());
                Files.delete(plain);
                compressed.add(s.id());
            } catch (IOException e) {
                throw new SnapshotStoreException("cannot compress snapshot " + s.id() + ": " + e.getMessage(), e);
            }
        }
        forceFolder();
        return compressed;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }

    // ---------------------------------------------------------------- locking

    @Override
    public StoreLock lock(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        Path lockFile = folder.resolve(LOCK_FILE);
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean told = false;
        try {
            FileChannel channel = AtomicFiles.openNoFollow(lockFile, access);
            while (true) {
                FileLock lock = null;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    // another run in this JVM holds it: wait as for another process
                }
                if (lock != null) {
                    String holder = ProcessHandle.current().pid() + " since " + clock.instant() + "\n";
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    FileLock held = lock;
                    return () -> {
                        try {
                            if (held.isValid()) {
                                // the file stays (removing it would race a run that just opened it); emptied, it
                                // names no process that is long gone
                                channel.truncate(0);
                                held.release();
                            }
                            channel.close();
                        } catch (IOException e) {
                            LOG.warn("cannot release the lock of {}: {}", folder, e.toString());
                        }
                    };
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    throw new StoreLockedException("another nmapdiff run is using " + folder + " (process " + holder(lockFile)
                            + "); waited " + seconds(maxWait) + " s. If runs overlap (cron), space them further apart"
                            + " or allow a longer wait; if no nmapdiff is running, the lock is released by itself");
                }
                if (!told) {
                    LOG.info("another nmapdiff run is using {}; waiting up to {} s", folder, seconds(maxWait));
                    told = true;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new SnapshotStoreException("cannot lock the snapshot folder " + folder + ": " + AtomicFiles.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreLockedException("interrupted while waiting for the lock of " + folder);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
