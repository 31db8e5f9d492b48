package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.Snapshots;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar stopped and killed as an operator would: real signals to a real JVM running
 * the real nmap on loopback (or a stand-in nmap that replays prepared scans), then an audit of
 * the folder.
 */
class StopAndKillIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Tool.require("nmap");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Process job(Path scans, String nmap, String nmapArgs, Path log, String... targets) throws Exception {
        Path ips = Files.write(dir.resolve("ips.txt"), List.of(targets));
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", Path.of("target", "nmapdiff.jar").toString(),
                "-f", ips.toString(), "-o", scans.toString(), "--email", "secops@example.test", "--nmap-args", nmapArgs,
                // no sendmail: every mail stays in the outbox, where the audit reads it
                "--sendmail", dir.resolve("no-sendmail").toString(),
                // every change is news on its night: the audit compares each scan with the one before
                "--confirm-after", "1"));
        if (nmap != null) {
            command.addAll(List.of("--nmap", nmap));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitFirstHost(Path scans) throws Exception {
        Path running = scans.resolve(FileSystemSnapshotStore.RUNNING_FOLDER);
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(running)) {
                try (Stream<Path> dirs = Files.list(running)) {
                    for (Path d : dirs.toList()) {
                        Path xml = d.resolve("scan.xml");
                        if (Files.exists(xml) && Files.readString(xml, StandardCharsets.UTF_8).contains("</host>")) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nmap finished no host within 60 s");
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aSignalStopsNmapKeepsWhatItFoundAndSaysSo(String signal, int exit) throws Exception {
        Path scans = dir.resolve("scans");
        Path log = dir.resolve("log.txt");
        Process java = job(scans, null, "-sT -p 1-20000 --max-rate 5000 -Pn -n --max-hostgroup 1", log,
                "127.0.0.1", "127.0.0.2", "127.0.0.3");
        awaitFirstHost(scans);

        Tool.run(10, "kill", "-" + signal, Long.toString(java.pid()));

        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(java.exitValue()).as(output).isEqualTo(exit);
        assertThat(output).contains("stopped by SIG" + signal + ": the ").contains("kept in the incomplete snapshot");
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(scans);
        assertThat(store.list()).singleElement().satisfies(s -> {
            assertThat(s.complete()).isFalse();
            assertThat(s.hosts()).isPositive();
            assertThat(s.needsFinishing()).isFalse();
        });
        try (Stream<Path> mails = Files.list(scans.resolve("outbox"))) {
            assertThat(mails.map(Path::toString)).anyMatch(n -> n.endsWith("-incomplete.eml"));
        }
        try (Stream<Path> left = Files.list(scans.resolve(FileSystemSnapshotStore.RUNNING_FOLDER))) {
            assertThat(left).as("no temporary files left").isEmpty();
        }
        assertThat(nmapsUsing(scans)).as("no nmap outlives the job").isEmpty();
    }

    @Test
    void watchEndsWhenASignalStopsItsRun() throws Exception {
        Path scans = dir.resolve("scans");
        Path slow = dir.resolve("slow-nmap");
        Files.writeString(slow, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("127.0.0.1"));
        Path log = dir.resolve("watch.txt");
        Process watch = new ProcessBuilder(javaBin(), "-jar", Path.of("target", "nmapdiff.jar").toString(), "watch",
                "--cron", "* * * * * *", "-f", ips.toString(), "-o", scans.toString(), "--nmap", slow.toString(),
                "--nmap-args", "-sT -p 22 -Pn -n").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path running = scans.resolve(FileSystemSnapshotStore.RUNNING_FOLDER);
            for (int i = 0; i < 300 && !(Files.isDirectory(running) && Files.list(running).findAny().isPresent()); i++) {
                Thread.sleep(100);
            }

            Tool.run(10, "kill", "-TERM", Long.toString(watch.pid()));

            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).as("watch ended").isTrue();
        } finally {
            watch.destroyForcibly();
        }
        assertThat(watch.exitValue()).as(Files.readString(log)).isEqualTo(143);
        String output = Files.readString(log);
        assertThat(output).contains("stopped by SIGTERM");
        assertThat(output.split("next run at", -1)).as("no run is scheduled after the stop").hasSize(2);
    }

    /**
     * SIGKILL at random moments, over and over, while a stand-in nmap replays scans in which a
     * port opens and closes; then one run that is left alone. Every snapshot that differs from
     * the complete one before it must have been mailed (the outbox, as no SMTP server is set).
     */
    @Test
    void killedAtRandomMomentsNoChangeGoesUnreported() throws Exception {
        Path scans = dir.resolve("scans");
        Path fake = standInNmap();
        Random random = new Random(20261130);
        for (int i = 0; i < 14; i++) {
            Files.writeString(dir.resolve("night"), Integer.toString(i));
            Process java = job(scans, fake.toString(), "-sT -p 22,5432 -Pn -n", dir.resolve("log-" + i + ".txt"), "127.0.0.1");
            // the JVM takes about a second to start: most kills fall in the scan, the save or the notification
            Thread.sleep(800 + random.nextInt(2400));
            java.destroyForcibly();
            java.waitFor(30, TimeUnit.SECONDS);
        }
        Files.writeString(dir.resolve("night"), "99");
        Process last = job(scans, fake.toString(), "-sT -p 22,5432 -Pn -n", dir.resolve("log-last.txt"), "127.0.0.1");
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Snapshots store = Snapshots.of(FileSystemSnapshotStore.open(scans));
        List<Snapshot> all = store.list();
        List<String> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(scans.resolve("outbox"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                mails.add(Files.readString(f));
            }
        }
        Snapshot previous = null;
        List<String> since = new ArrayList<>(); // the snapshots since the previous complete one: an incomplete one may have told
        int changes = 0;
        for (Snapshot s : all) {
            assertThat(s.needsFinishing()).as(s.id() + " finished").isFalse();
            since.add(s.id());
            if (previous != null && s.complete()
                    && !ScanDiff.between(store.read(previous.id()), store.read(s.id())).changes().isEmpty()) {
                changes++;
                assertThat(mails).as("a mail names snapshot " + s.id() + " or one just before it")
                        .anyMatch(m -> since.stream().anyMatch(id -> m.contains("Scan " + id)));
            }
            if (s.complete()) {
                previous = s;
                since.clear();
            }
        }
        System.out.printf("kill audit: %d snapshots, %d with changes, %d mails%n", all.size(), changes, mails.size());
        assertThat(changes).as("the audit saw changes to check").isPositive();
    }

    /** A stand-in nmap: writes the scan of the night (port 5432 open on odd nights) to -oX, after a moment. */
    private Path standInNmap() throws Exception {
        Path script = dir.resolve("nmap");
        Files.writeString(script, String.join("\n",
                "#!/bin/bash",
                "out=''; while [ $# -gt 0 ]; do [ \"$1\" = -oX ] && out=$2; shift; done",
                "n=$(cat " + dir.resolve("night") + ")",
                "extra=''; [ $((n % 2)) = 1 ] && extra='<port protocol=\"tcp\" portid=\"5432\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"postgresql\" method=\"table\" conf=\"3\"/></port>'",
                "sleep 0.$((RANDOM % 8))",
                "start=$(date +%s)",
                "cat > \"$out\" <<XML",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<nmaprun scanner=\"nmap\" args=\"nmap -sT -p 22,5432 -Pn -n\" start=\"$start\" version=\"7.93\" xmloutputversion=\"1.05\">",
                "<host starttime=\"$start\" endtime=\"$start\"><status state=\"up\" reason=\"user-set\" reason_ttl=\"0\"/>",
                "<address addr=\"127.0.0.1\" addrtype=\"ipv4\"/><hostnames/><ports>",
                "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"ssh\" method=\"table\" conf=\"3\"/></port>$extra",
                "</ports></host>",
                "<runstats><finished time=\"$start\" timestr=\"\" summary=\"\" elapsed=\"0.1\" exit=\"success\"/><hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>",
                "</nmaprun>",
                "XML",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static List<ProcessHandle> nmapsUsing(Path folder) {
        String path = folder.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("nmap")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(path)).orElse(false))
                .toList();
    }
}
