package io.github.nmapdiff.store.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.testkit.TestScans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory the folder keeps night by night, through the monitor (its log, and its base when
 * the log is folded in), is the memory learned again from the snapshots it holds.
 */
class KeptMemoryPropertiesTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");
    private static final String[] HOSTS = {"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"};
    private static final String[] PORTS = {"22", "80", "443", "5432"};

    @TempDir
    Path dir;

    @Test
    void theMemoryKeptInTheFolderIsTheMemoryLearnedFromItsSnapshots() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            Path folder = dir.resolve("m" + Long.toHexString(seed));
            Random random = new Random(seed);
            ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV");
            List<String> last = new ArrayList<>();
            int nights = 2 + random.nextInt(10);
            for (int n = 0; n < nights; n++) {
                List<String> hosts = new ArrayList<>();
                for (int h = 0; h < HOSTS.length; h++) {
                    if (random.nextInt(8) == 0) {
                        continue;
                    }
                    if (n > 0 && h < last.size() && random.nextInt(3) > 0 && last.get(h) != null) {
                        hosts.add(last.get(h));
                        continue;
                    }
                    StringBuilder spec = new StringBuilder(HOSTS[h]).append(':');
                    List<String> open = new ArrayList<>();
                    for (String p : PORTS) {
                        if (random.nextInt(3) > 0) {
                            open.add(p);
                        }
                    }
                    hosts.add(spec.append(String.join(",", open)).toString());
                }
                last = hosts;
                engine.then(TestScans.scan(DAY_1.plus(Duration.ofDays(n)), random.nextInt(6) > 0, hosts.toArray(String[]::new)));
            }
            FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder);
            Monitor monitor = Monitor.builder().engine(engine).store(store).targets(List.of("127.0.0.0/29")).build();
            while (engine.remaining() > 0) {
                monitor.run();
            }

            NetworkMemory learned = NetworkMemory.inMemory();
            Snapshots snapshots = Snapshots.of(FileSystemSnapshotStore.open(folder));
            assertThat(snapshots.learn(learned, snapshots.list(), NoisePolicy.defaults())).as("every snapshot reads").isEmpty();
            NetworkMemory kept = NetworkMemory.over(FileSystemSnapshotStore.open(folder).memory().orElseThrow());
            assertThat(kept.sameAs(learned)).as("kept and learned memories of %s", folder).isTrue();
            assertThat(Files.exists(folder.resolve("memory.log"))).isTrue();
        });
    }
}
