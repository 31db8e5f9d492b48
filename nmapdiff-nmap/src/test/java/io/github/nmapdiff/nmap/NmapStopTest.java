package io.github.nmapdiff.nmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.nmapdiff.core.spi.RecoveredScan;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.testing.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nmap stopped from outside, behind a wrapper, or left running by a run that died: the real
 * nmap on loopback, one host at a time, slow enough that the first host is done long before
 * the last.
 */
class NmapStopTest {
    /** Three loopback hosts, one at a time, each a few seconds of connect scan. */
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
    private static final NmapOptions SLOW = NmapOptions.of(List.of("-sT", "-p", "1-20000", "--max-rate", "5000", "-Pn", "-n",
            "--max-hostgroup", "1"));

    @TempDir
    Path dir;

    @BeforeAll
    static void nmapIsInstalled() {
        Tool.require("nmap");
    }

    @Test
    void nmapStoppedFromOutsideKeepsTheHostsItFinished() throws Exception {
        Path work = dir.resolve("running");
        NmapScanner nmap = NmapScanner.builder().options(SLOW).temporaryDirectory(work).build();
        ScanRun run = nmap.start(ScanRequest.of(HOSTS));
        Path scanFolder = awaitFirstHost(work);

        Tool.run(10, "kill", "-INT", pid(scanFolder));
        ScanResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), run::await);

        assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.CANCELLED);
        assertThat(result.scan().complete()).isFalse();
        assertThat(result.scan().hosts()).hasSizeBetween(1, 2);
        assertThat(result.warnings()).anyMatch(w -> w.contains("stopped from outside nmapdiff (exit code 130"));
        assertThat(scanFolder).as("the scan stays until it is kept elsewhere").isDirectory();
        run.kept();
        assertThat(scanFolder).doesNotExist();
    }

    @Test
    void aTimeLimitStopsNmapBehindAWrapperScriptAndTheRunEnds() throws Exception {
        Path wrapper = dir.resolve("nmap-wrapper");
        // not exec: the shell stays nmap's parent, as sudo and capability wrappers do
        Files.writeString(wrapper, "#!/bin/sh\nnmap \"$@\"\necho wrapper done\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        Path work = dir.resolve("running");
        NmapScanner nmap = NmapScanner.builder().executable(wrapper.toString()).options(SLOW).temporaryDirectory(work)
                .gracePeriod(Duration.ofSeconds(3)).build();

        ScanResult result = assertTimeoutPreemptively(Duration.ofSeconds(40),
                () -> nmap.scan(ScanRequest.of(HOSTS).withTimeout(Duration.ofSeconds(4))));

        assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.TIMED_OUT);
        assertThat(nmapsUsing(work)).as("no nmap outlives the scan").isEmpty();
    }

    @Test
    void theNextRunStopsTheNmapADeadRunLeftAndKeepsWhatItFound() throws Exception {
        Path work = dir.resolve("running");
        NmapScanner nmap = NmapScanner.builder().options(SLOW).temporaryDirectory(work).build();
        // a run that dies without stopping its scan: nmap goes on, and nobody awaits it
        nmap.start(ScanRequest.of(HOSTS));
        Path scanFolder = awaitFirstHost(work);
        assertThat(nmapsUsing(work)).hasSize(1);

        List<RecoveredScan> recovered = NmapScanner.builder().options(SLOW).temporaryDirectory(work).build().recover();

        assertThat(nmapsUsing(work)).as("the leftover nmap is stopped").isEmpty();
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.targets()).isEqualTo(HOSTS);
            assertThat(r.result().scan().complete()).isFalse();
            assertThat(r.result().scan().hosts()).isNotEmpty();
        });
        assertThat(scanFolder).doesNotExist();
    }

    /** nmap exits 0 when its output disk fills up, with the file cut short: the result must say why it is incomplete. */
    @Test
    void aFullTemporaryDiskIsNamedWhenItCutsNmapsOutput() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path small = Files.createDirectories(dir.resolve("small"));
        Tool.Result mount = Tool.run(30, "mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", small.toString());
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.exitCode() == 0, "cannot mount a tmpfs here: " + mount.stderr());
        try {
            NmapScanner nmap = NmapScanner.builder().options(NmapOptions.of(List.of("-sT", "-p", "22", "-Pn", "-n")))
                    .temporaryDirectory(small).build();

            ScanResult result = nmap.scan(ScanRequest.of(List.of("127.0.0.1-80")));

            assertThat(result.scan().complete()).isFalse();
            assertThat(result.scan().hosts()).isNotEmpty().hasSizeLessThan(80);
            assertThat(result.warnings()).anyMatch(w -> w.contains("is full: nmap could not write its whole output"));
        } finally {
            Tool.run(30, "umount", small.toString());
        }
    }

    private static Path awaitFirstHost(Path work) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(work)) {
                try (Stream<Path> dirs = Files.list(work)) {
                    for (Path d : dirs.toList()) {
                        Path xml = d.resolve("scan.xml");
                        if (Files.exists(xml) && Files.readString(xml, StandardCharsets.UTF_8).contains("</host>")) {
                            return d;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nmap finished no host within 60 s");
    }

    private static String pid(Path scanFolder) throws Exception {
        return Files.readString(scanFolder.resolve("nmap.pid")).strip().split(" ")[0];
    }

    /** The nmap processes whose command line names a path under the folder. */
    static List<ProcessHandle> nmapsUsing(Path folder) {
        String path = folder.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("nmap")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(path)).orElse(false))
                .toList();
    }
}
