package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.run.Snapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.spi.StoreLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may read the snapshots, links planted in the folder, and a scan whose clock was wrong. */
class FileSystemSnapshotStoreSafetyTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path dir;

    private static Snapshot keep(FileSystemSnapshotStore store, Instant start, String... hosts) {
        return FileSystemSnapshotStoreTest.keep(store, start, hosts);
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void theFolderAndEveryFileAreForTheOwnerOnly() throws Exception {
        Path folder = dir.resolve("scans");
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder, Clock.fixed(NOW, ZoneOffset.UTC));
        keep(store, NOW.minus(Duration.ofDays(2)), "127.0.0.1:22");
        Snapshot recent = keep(store, NOW.minus(Duration.ofDays(1)), "127.0.0.1:22");
        store.update(recent.withRun(0, "no changes", null, List.of()));
        store.compress(1);
        store.lock(Duration.ofSeconds(1)).close();

        assertThat(permissions(folder)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                assertThat(permissions(f)).as(f.getFileName().toString()).isEqualTo("rw-------");
            }
        }
        assertThat(folder.resolve("scan-20261128T020000Z.xml.gz")).exists();
    }

    @Test
    void groupReadableIsAChoice() throws Exception {
        Path folder = dir.resolve("scans");
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder, Clock.fixed(NOW, ZoneOffset.UTC), true);
        Snapshot s = keep(store, NOW, "127.0.0.1:22");

        assertThat(permissions(folder)).isEqualTo("rwxr-x---");
        assertThat(permissions(store.xmlFile(s.id()))).isEqualTo("rw-r-----");
    }

    @Test
    void linksPlantedInTheFolderAreNeitherFollowedNorWrittenThrough() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scans"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(folder.resolve(".nmapdiff.lock"), victim);
        Files.createSymbolicLink(folder.resolve(".scan-20261130T020000Z.xml.tmp"), victim);
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> store.lock(Duration.ofSeconds(1))).isInstanceOf(SnapshotStoreException.class)
                .hasMessageContaining("symbolic link");
        Snapshot s = keep(store, NOW, "127.0.0.1:22");

        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(store.xmlFile(s.id()))).isFalse();
        assertThat(Snapshots.of(store).read(s.id()).hosts()).hasSize(1);
    }

    @Test
    void aSnapshotFolderThatIsALinkToAFolderIsTheAdminsChoiceAndWorks() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path link = Files.createSymbolicLink(dir.resolve("scans"), data);

        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(link, Clock.fixed(NOW, ZoneOffset.UTC));
        Snapshot s = keep(store, NOW, "127.0.0.1:22");

        assertThat(data.resolve("scan-" + s.id() + ".xml")).exists();
    }

    @Test
    void aScanFromTheFutureIsOrderedByWhenItWasKeptAndRetentionTreatsItSo() {
        Instant[] clock = {NOW.minus(Duration.ofDays(3))};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0];
            }
        };
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir.resolve("scans"), moving);
        // kept three days ago, by a scanner whose clock said 2031
        Snapshot wrong = keep(store, Instant.parse("2031-01-01T00:00:00Z"), "127.0.0.1:22");
        clock[0] = NOW.minus(Duration.ofDays(1));
        Snapshot yesterday = keep(store, clock[0], "127.0.0.1:22");
        clock[0] = NOW;
        Snapshot today = keep(store, NOW, "127.0.0.1:22");

        assertThat(Snapshots.of(store).list()).extracting(Snapshot::id).containsExactly(wrong.id(), yesterday.id(), today.id());
        assertThat(Snapshots.of(store).applyRetention(RetentionPolicy.maxAge(Duration.ofDays(2)), NOW)).containsExactly(wrong.id());
        assertThat(store.list()).extracting(Snapshot::id).containsExactly(yesterday.id(), today.id());
    }

    @Test
    void aLockTakenAndReleasedLeavesTheFolderUsable() {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir.resolve("scans"), Clock.fixed(NOW, ZoneOffset.UTC));
        Path lockFile = dir.resolve("scans").resolve(".nmapdiff.lock");
        try (StoreLock lock = store.lock(Duration.ofSeconds(1))) {
            assertThat(lockFile).content().contains(Long.toString(ProcessHandle.current().pid()));
            keep(store, NOW, "127.0.0.1:22");
        }
        assertThat(store.list()).hasSize(1);
        assertThat(lockFile).as("released: names no process").isEmptyFile();
    }
}
