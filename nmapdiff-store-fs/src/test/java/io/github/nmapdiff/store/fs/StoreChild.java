package io.github.nmapdiff.store.fs;

import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.core.spi.StoreLock;
import io.github.nmapdiff.testkit.TestScans;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A second process on a store, for the tests: {@code write DIR} saves large snapshots until it
 * is killed; {@code hold DIR SECONDS} holds the store's lock for a while.
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(Path.of(args[1]));
        if (args[0].equals("hold")) {
            try (StoreLock lock = store.lock(Duration.ofSeconds(30))) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[2]) * 1000);
            }
            return;
        }
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            hosts.add("127.0." + (i / 250) + "." + (i % 250 + 1) + ":22,80,443");
        }
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int n = 0; ; n++) {
            Scan scan = TestScans.scan(start.plusSeconds(n), true, hosts.toArray(String[]::new));
            store.save(NewSnapshot.of(scan, TestScans.xml(scan), scan.start(), Scope.of(List.of("127.0.0.0/16"), List.of("-sV"))));
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
