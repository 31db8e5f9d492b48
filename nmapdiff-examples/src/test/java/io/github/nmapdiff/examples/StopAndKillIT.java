package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.run.Snapshots;
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

    /**
     * The job is started with the signals it handles set to their defaults: a shell without job
     * control starts background commands with SIGINT ignored, and nohup ignores SIGHUP; the JVM
     * then leaves an ignored signal ignored, as a user who ran the job under nohup asked for.
     * The tests are of what the job does with the signals, wherever the suite itself is started.
     */
    private static final List<String> DEFAULT_SIGNALS = List.of("env", "--default-signal=HUP,INT,TERM");

    @BeforeAll
    static void tools() {
        Tool.require("nmap");
        assertThat(Tool.run(10, "env", "--default-signal=HUP,INT,TERM", "true").exitCode())
                .as("env --default-signal (GNU coreutils 8.31 or later) starts the job with the signals at their defaults").isZero();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Process job(Path scans, String nmap, String nmapArgs, Path log, String... targets) throws Exception {
        return job(scans, nmap, nmapArgs, log, List.of(), java.util.Map.of(), targets);
    }

    private Process job(Path scans, String nmap, String nmapArgs, Path log, List<String> extra, java.util.Map<String, String> env,
            String... targets) throws Exception {
        Path ips = Files.write(dir.resolve("ips.txt"), List.of(targets));
        List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
        command.addAll(List.of(javaBin(), "-jar", Path.of("target", "nmapdiff.jar").toString(),
                "-f", ips.toString(), "-o", scans.toString(), "--email", "secops@example.test", "--nmap-args", nmapArgs,
                // no sendmail: every mail stays in the outbox, where the audit reads it
                "--sendmail", dir.resolve("no-sendmail").toString(),
                // every change is news on its night: the audit compares each scan with the one before
                "--confirm-after", "1"));
        if (nmap != null) {
            command.addAll(List.of("--nmap", nmap));
        }
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
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
    void sigtermWhileWaitingForTheLockEndsTheRunAtOnce() throws Exception {
        Path scans = Files.createDirectories(dir.resolve("scans"));
        Path log = dir.resolve("waiting.txt");
        try (var held = FileSystemSnapshotStore.open(scans).lock(java.time.Duration.ZERO)) {
            Process waiting = job(scans, standInNmap().toString(), "-sT -p 22 -Pn -n", log, List.of("--lock-wait", "10m"), java.util.Map.of(),
                    "127.0.0.1");
            try {
                // anchored on what the run does: it has the folder's lock file open, waiting for it
                for (int i = 0; i < 600 && !opened(waiting, scans); i++) {
                    Thread.sleep(100);
                }
                assertThat(opened(waiting, scans)).as("the run opened the lock file").isTrue();
                Thread.sleep(500);
                Tool.run(10, "kill", "-TERM", Long.toString(waiting.pid()));
                assertThat(waiting.waitFor(30, TimeUnit.SECONDS)).as("the run ended while the lock is still held").isTrue();
            } finally {
                waiting.destroyForcibly();
            }
            assertThat(waiting.exitValue()).as(Files.readString(log)).isEqualTo(143);
            assertThat(Files.readString(log)).contains("nmapdiff: stopped by SIGTERM: stopped while waiting for another run to release"
                    + " the store's lock; nothing was scanned");
        }
    }

    /** Whether a process has a file of a folder open (on Linux, by its file descriptors). */
    private static boolean opened(Process process, Path folder) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(folder);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void watchEndsWhenASignalStopsItsRun() throws Exception {
        Path scans = dir.resolve("scans");
        Path slow = dir.resolve("slow-nmap");
        Files.writeString(slow, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("127.0.0.1"));
        Path log = dir.resolve("watch.txt");
        List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
        command.addAll(List.of(javaBin(), "-jar", Path.of("target", "nmapdiff.jar").toString(), "watch",
                "--cron", "* * * * * *", "-f", ips.toString(), "-o", scans.toString(), "--nmap", slow.toString(),
                "--nmap-args", "-sT -p 22 -Pn -n"));
        Process watch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
     * Where in a run the audit kills it: during the scan, just after the snapshot is kept, while
     * the night goes to the database, or not at all.
     */
    private enum Moment { SCAN, AFTER_SAVE, PUSH, NONE }

    /**
     * SIGKILL at moments anchored on what the run is doing, not on the clock: during its scan
     * (the stand-in nmap has started), just after it kept its snapshot (while it compares,
     * notifies and records), or not at all; then two runs that are left alone, on nights that
     * differ. Every snapshot that differs from the complete one before it must have been mailed
     * (the outbox, as no SMTP server is set). A slow or loaded machine only makes each moment
     * come later; it never moves a kill out of the run.
     */
    @Test
    void killedAtRandomMomentsNoChangeGoesUnreported() throws Exception {
        audit(dir.resolve("scans"), List.of(Moment.SCAN, Moment.AFTER_SAVE), List.of(), java.util.Map.of(), () -> false);
    }

    /**
     * The same audit against the database (a real PostgreSQL): killed also while the night goes
     * to it. Besides every change mailed: every night of the folder is in the database once,
     * none half-kept (each snapshot's run recorded with it), and the site's memory there is the
     * memory learned from its snapshots.
     */
    @Test
    void killedAtRandomMomentsAgainstTheDatabaseNoNightIsHalfKept() throws Exception {
        io.github.nmapdiff.store.jdbc.TestPostgres pg = io.github.nmapdiff.store.jdbc.TestPostgres.shared();
        String url = pg.newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1);
        Path scans = dir.resolve("scans");
        audit(scans, List.of(Moment.SCAN, Moment.AFTER_SAVE, Moment.PUSH),
                List.of("--store", url, "--store-user", io.github.nmapdiff.store.jdbc.TestPostgres.ADMIN, "--store-password-env",
                        "NMAPDIFF_TEST_DB_PASSWORD", "--site", "audit"),
                java.util.Map.of("NMAPDIFF_TEST_DB_PASSWORD", io.github.nmapdiff.store.jdbc.TestPostgres.ADMIN_PASSWORD),
                () -> {
                    // the night is going to the database: the job's connection is open
                    try (java.sql.Connection c = pg.admin(pg.url("postgres")); java.sql.Statement st = c.createStatement();
                            java.sql.ResultSet r = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'nmapdiff'"
                                    + " AND datname = '" + database + "'")) {
                        r.next();
                        return r.getInt(1) > 0;
                    }
                });

        List<Snapshot> local = Snapshots.of(FileSystemSnapshotStore.open(scans)).list();
        try (io.github.nmapdiff.store.jdbc.PostgresStore db = io.github.nmapdiff.store.jdbc.PostgresStore.builder(url)
                .user(io.github.nmapdiff.store.jdbc.TestPostgres.ADMIN).password(io.github.nmapdiff.store.jdbc.TestPostgres.ADMIN_PASSWORD)
                .build()) {
            io.github.nmapdiff.store.jdbc.PostgresSnapshotStore site = db.site("audit");
            List<Snapshot> kept = Snapshots.of(site).list();
            assertThat(kept).extracting(Snapshot::start).as("every night of the folder, once").containsExactlyElementsOf(
                    local.stream().map(Snapshot::start).toList());
            assertThat(kept).as("no night half-kept").allMatch(s -> s.finished() && s.unnotified().isEmpty());
            io.github.nmapdiff.core.memory.NetworkMemory learned = io.github.nmapdiff.core.memory.NetworkMemory.inMemory();
            Snapshots.of(site).learn(learned, kept, io.github.nmapdiff.core.memory.NoisePolicy.defaults().confirmAfter(1));
            io.github.nmapdiff.core.memory.NetworkMemory there = io.github.nmapdiff.core.memory.NetworkMemory.over(site.memory().orElseThrow());
            assertThat(there.openPorts()).isEqualTo(learned.openPorts());
            assertThat(there.nights()).hasSameSizeAs(learned.nights());
            assertThat(there.openPorts()).as("the database says what the folder says").isEqualTo(
                    io.github.nmapdiff.core.memory.NetworkMemory.over(FileSystemSnapshotStore.open(scans).memory().orElseThrow()).openPorts());
        }
    }

    /**
     * SIGKILL at the moments given, five times each in a random order, and two runs left alone;
     * then two more runs left alone on nights that differ; then every snapshot that differs from
     * the complete one before it must have been mailed.
     */
    private void audit(Path scans, List<Moment> kinds, List<String> extra, java.util.Map<String, String> env, Condition pushing)
            throws Exception {
        Path fake = standInNmap();
        Random random = new Random(20261130);
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            moments.addAll(kinds);
        }
        moments.addAll(List.of(Moment.NONE, Moment.NONE));
        java.util.Collections.shuffle(moments, random);
        java.util.EnumMap<Moment, Integer> landed = new java.util.EnumMap<>(Moment.class);
        for (int i = 0; i < moments.size(); i++) {
            Files.writeString(dir.resolve("night"), Integer.toString(i));
            Files.deleteIfExists(dir.resolve("nmap-started"));
            int keptBefore = snapshotFiles(scans);
            Process java = job(scans, fake.toString(), "-sT -p 22,5432 -Pn -n", dir.resolve("log-" + i + ".txt"), extra, env, "127.0.0.1");
            boolean killed = switch (moments.get(i)) {
                case SCAN -> awaitThenKill(java, () -> Files.exists(dir.resolve("nmap-started")), random.nextInt(400));
                case AFTER_SAVE -> awaitThenKill(java, () -> snapshotFiles(scans) > keptBefore, random.nextInt(150));
                case PUSH -> awaitThenKill(java, pushing, random.nextInt(150));
                case NONE -> false;
            };
            assertThat(java.waitFor(120, TimeUnit.SECONDS)).as("run %d ended", i).isTrue();
            if (killed) {
                landed.merge(moments.get(i), 1, Integer::sum);
            }
        }
        // two runs left alone on nights that differ (5432 closed, then open): the audit always has a change to check
        for (String night : List.of("98", "99")) {
            Files.writeString(dir.resolve("night"), night);
            Process last = job(scans, fake.toString(), "-sT -p 22,5432 -Pn -n", dir.resolve("log-" + night + ".txt"), extra, env,
                    "127.0.0.1");
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }

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
        System.out.printf("kill audit: %d snapshots, %d with changes, %d mails; kills that landed: %s%n", all.size(), changes,
                mails.size(), landed);
        assertThat(changes).as("the audit saw changes to check").isPositive();
        assertThat(landed.values().stream().mapToInt(Integer::intValue).sum()).as("kills that landed in a run").isPositive();
    }

    /** Something the audit waits for; may read the folder. */
    private interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Waits (up to two minutes: a loaded machine is slow, not broken) until the run reaches a
     * moment, then a little longer, and kills it; returns false when the run ended first.
     */
    private static boolean awaitThenKill(Process java, Condition moment, int thenMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!moment.holds()) {
            if (!java.isAlive()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                java.destroyForcibly();
                throw new AssertionError("the run did not reach the moment to kill it within two minutes");
            }
            Thread.sleep(20);
        }
        Thread.sleep(thenMillis);
        if (!java.isAlive()) {
            return false;
        }
        java.destroyForcibly();
        return true;
    }

    private static int snapshotFiles(Path scans) throws Exception {
        if (!Files.isDirectory(scans)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(scans)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("scan-.*\\.xml(\\.gz)?")).count();
        }
    }

    /** A stand-in nmap: writes the scan of the night (port 5432 open on odd nights) to -oX, after a moment. */
    private Path standInNmap() throws Exception {
        Path script = dir.resolve("nmap");
        Files.writeString(script, String.join("\n",
                "#!/bin/bash",
                "out=''; while [ $# -gt 0 ]; do [ \"$1\" = -oX ] && out=$2; shift; done",
                "n=$(cat " + dir.resolve("night") + ")",
                "touch " + dir.resolve("nmap-started"),
                "extra=''; [ $((n % 2)) = 1 ] && extra='<port protocol=\"tcp\" portid=\"5432\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"postgresql\" method=\"table\" conf=\"3\"/></port>'",
                "sleep 0.$((3 + RANDOM % 6))",
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
