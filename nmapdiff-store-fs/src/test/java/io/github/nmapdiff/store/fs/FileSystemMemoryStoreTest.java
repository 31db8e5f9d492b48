package io.github.nmapdiff.store.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.SnapshotStoreException;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.testkit.TestScans;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder's memory against what a disk, a kill and another user do to its files. */
class FileSystemMemoryStoreTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    @TempDir
    Path dir;

    private MonitorReport night(int n, String... hosts) {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(TestScans.scan(DAY_1.plus(Duration.ofDays(n)), true, hosts));
        return Monitor.builder().engine(engine).store(FileSystemSnapshotStore.open(dir)).targets(List.of("127.0.0.0/29")).build().run();
    }

    private NetworkMemory memory() {
        return NetworkMemory.over(FileSystemSnapshotStore.open(dir).memory().orElseThrow());
    }

    @Test
    void aNightAppendsToTheLogAndTheBaseIsRewrittenOnlyWhenTheLogIsFoldedIn() throws Exception {
        night(0, "127.0.0.1:22", "127.0.0.2:80");
        night(1, "127.0.0.1:22,443", "127.0.0.2:80");
        long log = Files.size(dir.resolve("memory.log"));
        night(2, "127.0.0.1:22,443", "127.0.0.2:80,8080");
        assertThat(Files.size(dir.resolve("memory.log"))).as("the night appended").isGreaterThan(log);
        assertThat(dir.resolve("memory.dat")).as("no base yet: nothing folded in").doesNotExist();
        NetworkMemory before = memory();
        List<?> hosts = before.hosts();

        ((FileSystemMemoryStore) FileSystemSnapshotStore.open(dir).memory().orElseThrow()).compact();

        assertThat(dir.resolve("memory.dat")).exists();
        NetworkMemory after = memory();
        assertThat(after.hosts()).isEqualTo(hosts);
        assertThat(after.nights()).hasSize(3);
        assertThat(after.events("127.0.0.1")).as("first answered, 22 and 443 opened").hasSize(3);
        assertThat(night(3, "127.0.0.1:22,443", "127.0.0.2:80,8080").kind()).as("the next night reads the new base")
                .isEqualTo(RunKind.NO_CHANGES);
    }

    @Test
    void aPassOverEveryHostWithoutTheIndexSeesWhatTheIndexSays() {
        night(0, "127.0.0.1:22", "127.0.0.2:80", "127.0.0.4:25");
        night(1, "127.0.0.1:22,443", "127.0.0.2:80", "127.0.0.4:25");
        ((FileSystemMemoryStore) FileSystemSnapshotStore.open(dir).memory().orElseThrow()).compact();
        // in the log over the base: one host changed, one gone, one new (keys before, between and after the base's)
        night(2, "127.0.0.1:22,443,8080", "127.0.0.3:53", "127.0.0.4:25", "127.0.0.5:80");
        night(3, "127.0.0.1:22,443,8080", "127.0.0.3:53", "127.0.0.5:80");

        List<Object> unindexed = new java.util.ArrayList<>();
        FileSystemSnapshotStore.open(dir).memory().orElseThrow().forEachHost(unindexed::add);
        MemoryStore indexed = FileSystemSnapshotStore.open(dir).memory().orElseThrow();
        indexed.summaries();
        List<Object> viaIndex = new java.util.ArrayList<>();
        indexed.forEachHost(viaIndex::add);

        assertThat(unindexed).isEqualTo(viaIndex).hasSize(5);
    }

    @Test
    void aNightCutShortInTheLogIsTheNightThatWasNotCommitted() throws Exception {
        night(0, "127.0.0.1:22");
        night(1, "127.0.0.1:22,443");
        Path log = dir.resolve("memory.log");
        long whole = Files.size(log);
        MonitorReport killed = night(2, "127.0.0.1:22,443,8080");
        // what a kill in the middle of the night's write leaves: the frame cut short, the snapshot's run not recorded
        try (FileChannel f = FileChannel.open(log, StandardOpenOption.WRITE)) {
            f.truncate(whole + 20);
        }
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir);
        store.update(store.get(killed.snapshot().id()).orElseThrow().toBuilder().run(null, null, null).finished(false).build());

        assertThat(memory().nights()).hasSize(2);
        assertThat(memory().openPorts()).containsEntry("127.0.0.1", List.of("22/tcp", "443/tcp"));
        MonitorReport next = night(3, "127.0.0.1:22,443,8080");
        assertThat(next.finishedEarlier()).as("the night that was not committed is completed by the next run")
                .containsExactly(killed.snapshot().id());
        assertThat(FileSystemSnapshotStore.open(dir).get(killed.snapshot().id()).orElseThrow().summary())
                .isEqualTo("[medium] 8080/tcp ssh opened on 127.0.0.1");
        assertThat(next.kind()).isEqualTo(RunKind.NO_CHANGES);
    }

    @Test
    void aBaseCutShortIsNotTakenAsWholeAndTheMemoryIsLearnedAgain() throws Exception {
        night(0, "127.0.0.1:22", "127.0.0.2:22");
        night(1, "127.0.0.1:22", "127.0.0.2:22");
        ((FileSystemMemoryStore) FileSystemSnapshotStore.open(dir).memory().orElseThrow()).compact();
        Path base = dir.resolve("memory.dat");
        try (FileChannel f = FileChannel.open(base, StandardOpenOption.WRITE)) {
            f.truncate(Files.size(base) - 30); // its last frames gone, at a frame boundary or not
        }

        assertThatThrownBy(() -> FileSystemSnapshotStore.open(dir).memory().orElseThrow().head())
                .isInstanceOf(SnapshotStoreException.class).hasMessageContaining("damaged");
        MonitorReport next = night(2, "127.0.0.1:22", "127.0.0.2:22");
        assertThat(next.warnings()).anyMatch(w -> w.contains("cannot be read") && w.contains("learned again"));
        assertThat(next.kind()).as("an unchanged host is not new: the memory was learned from the snapshots").isEqualTo(RunKind.NO_CHANGES);
        assertThat(memory().firstSeen("127.0.0.2")).contains(DAY_1);
    }

    @Test
    void aLinkOrAPipePlantedAtTheMemoryIsRefusedNeverFollowedOrWaitedOn() throws Exception {
        night(0, "127.0.0.1:22");
        night(1, "127.0.0.1:22");
        ((FileSystemMemoryStore) FileSystemSnapshotStore.open(dir).memory().orElseThrow()).compact();
        Path base = dir.resolve("memory.dat");
        Files.delete(base);
        Files.createSymbolicLink(base, Path.of("/dev/zero"));
        assertThatThrownBy(() -> FileSystemSnapshotStore.open(dir).memory().orElseThrow().head())
                .isInstanceOf(SnapshotStoreException.class).hasMessageContaining("not a regular file");

        Files.delete(base);
        assertThat(Tool.run(10, "mkfifo", base.toString()).exitCode()).isZero();
        MemoryStore planted = FileSystemSnapshotStore.open(dir).memory().orElseThrow();
        CompletableFuture<Throwable> read = CompletableFuture.supplyAsync(() -> {
            try {
                planted.head();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(read.get(10, TimeUnit.SECONDS)).as("refused at once, not waiting on the pipe")
                .isInstanceOf(SnapshotStoreException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void theMemoryFileOfTheFirstVersionIsTakenInOnceWithEverythingItKnew() throws Exception {
        night(0, "127.0.0.1:22");
        Files.delete(dir.resolve("memory.log"));
        // what nmapdiff 0.1 kept: the port first seen a month before the snapshots retention left
        Files.writeString(dir.resolve("state-memory.txt"), String.join("\n", "nmapdiff-memory\t1",
                "scope\t127.0.0.0/29\t-sV", "through\t" + FileSystemSnapshotStore.open(dir).list().get(0).id() + "\t" + DAY_1,
                "night\told\t2026-10-01T02:00:00Z\t1\t1\t\t", "night\t" + FileSystemSnapshotStore.open(dir).list().get(0).id() + "\t"
                        + DAY_1 + "\t1\t0\t\t",
                "host\t127.0.0.1\t\\N\t2026-10-01T02:00:00Z\t" + DAY_1 + "\t1\t0\t0\t\\N\t0\t\\N",
                "port\t22/tcp\t2026-10-01T02:00:00Z\t" + DAY_1 + "\t1\t0\tssh\tOpenSSH 9.2p1\t\\N", ""));

        MonitorReport next = night(1, "127.0.0.1:22,443");

        assertThat(next.findings()).extracting(f -> f.toString()).containsExactly("[medium] 443/tcp ssh opened on 127.0.0.1");
        assertThat(memory().firstSeen("127.0.0.1", "22/tcp")).contains(Instant.parse("2026-10-01T02:00:00Z"));
        assertThat(memory().nights()).hasSize(3);
        assertThat(dir.resolve("state-memory.txt")).as("taken in, then removed").doesNotExist();
    }
}
