package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.run.Snapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.StoreLockedException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.StoreLock;
import io.github.nmapdiff.testkit.TestScans;
import io.github.nmapdiff.core.testing.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSnapshotStoreTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    @TempDir
    Path dir;

    /** Keeps a sample scan of these hosts ({@code addr:port,port}) as a snapshot of 127.0.0.1 with {@code -sV}. */
    static Snapshot keep(FileSystemSnapshotStore store, Instant start, String... hosts) {
        Scan scan = TestScans.scan(start, true, hosts);
        return store.save(NewSnapshot.of(scan, TestScans.xml(scan), start, Scope.of(List.of("127.0.0.1"), List.of("-sV"))));
    }

    @Test
    void snapshotsAreNmapXmlNamedByUtcStartTimeWithReadableMetadataBeside() throws IOException {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        Snapshot s = keep(store, DAY_1, "127.0.0.1:22");

        assertThat(s.id()).isEqualTo("20261101T020000Z");
        assertThat(dir.resolve("scan-20261101T020000Z.xml")).exists();
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("scan-20261101T020000Z.json").toFile());
        assertThat(meta.get("start").asText()).isEqualTo("2026-11-01T02:00:00Z");
        assertThat(meta.get("complete").asBoolean()).isTrue();
        assertThat(meta.get("targets").get(0).asText()).isEqualTo("127.0.0.1");
        assertThat(meta.get("nmapVersion").asText()).isEqualTo("7.93");
        assertThat(store.problems()).isEmpty();
    }

    @Test
    void ndiffWorksDirectlyOnTwoSnapshotFiles() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        Snapshot a = keep(store, DAY_1, "127.0.0.1:22");
        Snapshot b = keep(store, DAY_1.plus(Duration.ofDays(1)), "127.0.0.1:22,80");

        Tool.Result ndiff = Tool.ndiff(store.xmlFile(a.id()).toString(), store.xmlFile(b.id()).toString());

        assertThat(ndiff.exitCode()).isEqualTo(1);
        assertThat(ndiff.stdout()).contains("+80/tcp open  ssh     OpenSSH 9.2p1");
    }

    @Test
    void foreignAndCorruptFilesAreReportedAndSkipped() throws IOException {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        Snapshot good = keep(store, DAY_1, "127.0.0.1:22");
        Files.writeString(dir.resolve("notes.txt"), "my notes");
        Files.writeString(dir.resolve("scan-20261102T020000Z.xml"), "garbage, not XML\n<<<>>>\n");
        Files.writeString(dir.resolve("scan-20261102T020000Z.json"), "{not json");
        Snapshot second = keep(store, DAY_1.plus(Duration.ofDays(2)), "127.0.0.1:22");
        Files.writeString(dir.resolve("scan-" + second.id() + ".json"), "{ broken");

        List<Snapshot> listed = store.list();

        assertThat(listed).extracting(Snapshot::id).containsExactly(good.id(), second.id());
        assertThat(listed.get(1).complete()).as("recovered from the scan itself").isTrue();
        assertThat(store.problems()).anyMatch(p -> p.startsWith("notes.txt: not a snapshot file"))
                .anyMatch(p -> p.startsWith("scan-20261102T020000Z: unreadable scan"))
                .anyMatch(p -> p.startsWith("scan-" + second.id() + ".json: unreadable metadata"));
    }

    @Test
    void idsFromUsersCannotEscapeTheFolder() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        keep(store, DAY_1, "127.0.0.1:22");

        for (String bad : List.of("../../etc/passwd", "..", "/etc/passwd", "20261101T020000Z/../../x", "20261101T020000Z\u0000",
                "..%2F..%2Fetc", "")) {
            assertThatThrownBy(() -> Snapshots.of(store).read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a snapshot id");
            assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.xmlFile(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void compressedSnapshotsReadAsBefore() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        Snapshot old = keep(store, DAY_1, "127.0.0.1:22");
        Snapshot recent = keep(store, DAY_1.plus(Duration.ofDays(1)), "127.0.0.1:22,80");
        byte[] before = Snapshots.of(store).readXml(old.id());

        assertThat(store.compress(1)).containsExactly(old.id());

        assertThat(dir.resolve("scan-" + old.id() + ".xml.gz")).exists();
        assertThat(dir.resolve("scan-" + old.id() + ".xml")).doesNotExist();
        assertThat(dir.resolve("scan-" + recent.id() + ".xml")).exists();
        assertThat(Snapshots.of(store).readXml(old.id())).isEqualTo(before);
        assertThat(Snapshots.of(store).read(old.id()).hosts()).hasSize(1);
        assertThat(store.list()).hasSize(2);
    }

    /** A child JVM saving large snapshots is killed at random moments; the store stays consistent. */
    @Test
    void aProcessKilledInTheMiddleOfAWriteLeavesAConsistentStore() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 4; round++) {
            Process child = child("write", dir.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("child saved one snapshot").startsWith("saved");
            Thread.sleep(50 + random.nextInt(400));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        List<Snapshot> listed = store.list();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(4);
        for (Snapshot s : listed) {
            assertThat(s.targets()).as("every listed snapshot has its metadata").containsExactly("127.0.0.0/16");
            Scan scan = Snapshots.of(store).read(s.id());
            assertThat(scan.complete()).as(s.id() + " read whole").isTrue();
            assertThat(scan.hosts()).hasSize(4000);
        }
        assertThat(store.problems()).allMatch(p -> p.contains("metadata without its scan"));
        // the next run clears what the killed one left and saves as usual
        keep(store, DAY_1.plus(Duration.ofDays(30)), "127.0.0.1:22");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anotherProcessHoldingTheStoreMakesThisOneWaitThenGiveUpClearly() throws Exception {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        Process child = child("hold", dir.toString(), "3");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        long lockedAt = System.nanoTime();

        assertThatThrownBy(() -> store.lock(Duration.ofMillis(600)))
                .isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("another nmapdiff run is using " + dir.toAbsolutePath().normalize())
                .hasMessageContaining("process " + child.pid())
                .hasMessageContaining("waited 0.6 s");
        try (StoreLock lock = store.lock(Duration.ofSeconds(30))) {
            // the child releases the lock, then its JVM takes a moment to exit: what counts is
            // that the lock came only after the child's hold, and that the child then ends
            assertThat(Duration.ofNanos(System.nanoTime() - lockedAt)).as("the lock came once the other run let go")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A tmpfs of a few kilobytes stands for a full disk; mounting it needs root, as CI has. */
    @Test
    void aFullDiskGivesAClearErrorAndKeepsTheEarlierSnapshots() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path small = Files.createDirectories(dir.resolve("small"));
        Tool.Result mount = Tool.run(30, "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
        assumeTrue(mount.exitCode() == 0, "cannot mount a tmpfs here: " + mount.stderr());
        try {
            FileSystemSnapshotStore store = FileSystemSnapshotStore.open(small);
            Snapshot early = keep(store, DAY_1, "127.0.0.1:22");
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                many.add("127.0." + (i / 250) + "." + (i % 250 + 1) + ":22,80");
            }

            assertThatThrownBy(() -> keep(store, DAY_1.plus(Duration.ofDays(1)), many.toArray(String[]::new)))
                    .isInstanceOf(SnapshotStoreException.class)
                    .hasMessageContaining("the disk is full")
                    .hasMessageContaining("the earlier snapshots are intact");

            assertThat(store.list()).extracting(Snapshot::id).containsExactly(early.id());
            assertThat(Snapshots.of(store).read(early.id()).hosts()).hasSize(1);
            try (Stream<Path> files = Files.list(small)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            Tool.run(30, "umount", small.toString());
        }
    }

    /** The disk fills between keeping a snapshot and recording what its run found: the message says the scan is kept. */
    @Test
    void aFullDiskWhenTheRunIsRecordedSaysTheScanIsKept() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path small = Files.createDirectories(dir.resolve("small2"));
        Tool.Result mount = Tool.run(30, "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
        assumeTrue(mount.exitCode() == 0, "cannot mount a tmpfs here: " + mount.stderr());
        try {
            FileSystemSnapshotStore store = FileSystemSnapshotStore.open(small);
            Snapshot kept = keep(store, DAY_1, "127.0.0.1:22");
            try (var filler = Files.newOutputStream(small.resolve("filler"))) {
                byte[] block = new byte[1024];
                while (true) {
                    filler.write(block);
                    filler.flush();
                }
            } catch (IOException full) {
                // the disk is full
            }

            assertThatThrownBy(() -> store.update(kept.withRun(3, "3 changes", null, List.of())))
                    .isInstanceOf(SnapshotStoreException.class)
                    .hasMessageContaining("cannot record what the run of snapshot " + kept.id() + " found")
                    .hasMessageContaining("The scan itself is kept (scan-" + kept.id() + ".xml)")
                    .hasMessageNotContaining("cannot save snapshot");
            assertThat(store.list()).extracting(Snapshot::id).containsExactly(kept.id());
        } finally {
            Tool.run(30, "umount", small.toString());
        }
    }

    private static Process child(String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, StoreChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
