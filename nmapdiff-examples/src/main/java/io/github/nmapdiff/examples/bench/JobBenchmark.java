package io.github.nmapdiff.examples.bench;

import io.github.nmapdiff.examples.NmapDiffCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the whole nightly job at scale, as cron runs it: {@code nmapdiff scan} over a
 * generated pair of N-host scans fed by a stand-in nmap (the baseline night, then the second
 * night, whose scan differs in about 1% of its hosts), then {@code inventory} and {@code report}
 * of the result, side by side with {@code nmapdiff diff} of the same pair. Whole processes, GNU
 * time's wall time and peak memory, medians of the runs; each run starts from an empty folder.
 * With {@code --store URL}, the same again against PostgreSQL.
 *
 * <pre>
 * java -cp nmapdiff-examples/target/nmapdiff.jar JobBenchmark --hosts 100000
 * </pre>
 *
 * Options: {@code --hosts N} (default 100000; a comma list for several), {@code --runs N}
 * (default 3), {@code --dir DIR} (default {@code target/bench}), {@code --store URL} with
 * {@code --store-user USER} and the password in {@code NMAPDIFF_STORE_PASSWORD}.
 */
public final class JobBenchmark {
    private JobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(100_000);
        int runs = 3;
        Path dir = Path.of("target", "bench");
        String store = null;
        String storeUser = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> sizes = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--store" -> store = args[++i];
                case "--store-user" -> storeUser = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> table = new ArrayList<>();
        for (int hosts : sizes) {
            table.addAll(measure(dir, hosts, runs, null, null));
            if (store != null) {
                table.addAll(measure(dir, hosts, runs, store, storeUser));
            }
        }
        System.out.printf(Locale.ROOT, "%nthe nightly job, %d cores, Java %s, medians of %d runs%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), runs);
        System.out.printf(Locale.ROOT, "| %-8s | %-10s | %-44s | %9s | %9s | %-30s |%n", "hosts", "store", "what", "wall (s)",
                "RSS (MB)", "");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(10), "-".repeat(12), "-".repeat(46), "-".repeat(11),
                "-".repeat(11), "-".repeat(32));
        table.forEach(System.out::println);
        if (!PROBLEMS.isEmpty()) {
            PROBLEMS.forEach(p -> System.out.println("problem: " + p));
            System.exit(1);
        }
    }

    /** Runs that did not end as the nightly job must (a benchmark of a broken job measures nothing). */
    private static final List<String> PROBLEMS = new ArrayList<>();

    private static void expect(Timed.Measured m, int code, String kind) {
        if (m.exitCode() != code) {
            PROBLEMS.add(kind + ": " + m.name() + " exited " + m.exitCode() + ", not " + code + " (see " + m.output() + ")");
        }
    }

    private static List<String> measure(Path dir, int hosts, int runs, String store, String storeUser) throws Exception {
        Path pair = dir.resolve(hosts + "-hosts-v2");
        Path before = pair.resolve("before.xml");
        Path after = pair.resolve("after.xml");
        if (!Files.exists(after)) {
            ScanPairGenerator.write(pair, hosts, 42);
        }
        Path work = Files.createDirectories(dir.resolve("job-" + hosts + (store == null ? "-fs" : "-jdbc")));
        Path night = work.resolve("night");
        Path nmap = standInNmap(work, night);
        Path ips = Files.writeString(work.resolve("ips.txt"), "127.0.0.0/8\n");
        Path scans = work.resolve("scans");
        String jar = Timed.jar().toString();
        String java = Timed.java();
        List<String> job = new ArrayList<>(List.of(java, "-jar", jar, "scan", "-f", ips.toString(), "-o", scans.toString(),
                "--nmap", nmap.toString(), "--nmap-args", "-sV -Pn", "--timeout", "none"));
        List<String> where = new ArrayList<>();
        if (store != null) {
            where.addAll(List.of("--store", store, "--site", "bench-" + hosts));
            if (storeUser != null) {
                where.addAll(List.of("--store-user", storeUser, "--store-password-env", "NMAPDIFF_STORE_PASSWORD"));
            }
        }
        job.addAll(where);
        String kind = store == null ? "fs" : "postgresql";

        Timed.Measured baseline = Timed.measure("baseline night", job, work.resolve("night1.txt"), runs, run -> {
            fresh(scans, store, hosts, storeUser);
            write(night, before.toString());
        });
        // the second night, from the state the baseline left, each run
        Path kept = work.resolve("after-baseline");
        deleteTree(kept);
        copyTree(scans, kept);
        Timed.Measured second = Timed.measure("second night (about 1% of the hosts changed)", job, work.resolve("night2.txt"), runs,
                run -> {
                    if (run > 0) {
                        if (store != null) {
                            fresh(scans, store, hosts, storeUser);
                            write(night, before.toString());
                            runQuietly(job);
                        } else {
                            deleteTree(scans);
                            copyTree(kept, scans);
                        }
                    }
                    write(night, after.toString());
                });
        List<String> questions = new ArrayList<>(List.of(java, "-jar", jar, "inventory"));
        questions.addAll(store == null ? List.of(scans.toString()) : where);
        Timed.Measured inventory = Timed.measure("inventory", questions, work.resolve("inventory.txt"), runs, run -> { });
        Path html = work.resolve("report.html");
        List<String> report = new ArrayList<>(List.of(java, "-jar", jar, "report"));
        report.addAll(store == null ? List.of(scans.toString()) : where);
        report.addAll(List.of("-o", html.toString()));
        Timed.Measured page = Timed.measure("report", report, work.resolve("report.txt"), runs, run -> { });
        Timed.Measured diff = Timed.measure("nmapdiff diff of the same pair", List.of(java, "-jar", jar, "diff", before.toString(),
                after.toString()), work.resolve("diff.txt"), runs, run -> { });

        expect(baseline, 0, kind);
        expect(second, 1, kind);
        expect(inventory, 0, kind);
        expect(page, 0, kind);
        long memory = store == null ? size(scans, "memory.dat") + size(scans, "memory.log") : -1;
        List<String> rows = new ArrayList<>();
        rows.add(row(hosts, kind, baseline, "exit " + baseline.exitCode()));
        rows.add(row(hosts, kind, second, String.format(Locale.ROOT, "%.2fx diff's time, exit %d", second.seconds() / diff.seconds(),
                second.exitCode())));
        rows.add(row(hosts, kind, inventory, Files.readAllLines(inventory.output()).size() + " lines"));
        rows.add(row(hosts, kind, page, (Files.exists(html) ? Files.size(html) / 1024 : 0) + " KiB page"));
        rows.add(row(hosts, kind, diff, "exit " + diff.exitCode()));
        if (memory >= 0) {
            rows.add(String.format(Locale.ROOT, "| %-8d | %-10s | %-44s | %9s | %9s | %-30s |", hosts, kind, "memory files after two nights", "",
                    "", memory / 1024 + " KiB"));
        }
        return rows;
    }

    private static String row(int hosts, String store, Timed.Measured m, String note) {
        return String.format(Locale.ROOT, "| %-8d | %-10s | %-44s | %9.2f | %9d | %-30s |", hosts, store, m.name(), m.seconds(), m.peakMb(),
                note);
    }

    /** A stand-in nmap: copies the file the night names to the file nmap was told to write. */
    private static Path standInNmap(Path work, Path night) throws IOException {
        Path script = work.resolve("nmap");
        Files.writeString(script, String.join("\n", "#!/bin/bash",
                "out=''; while [ $# -gt 0 ]; do [ \"$1\" = -oX ] && out=$2; shift; done",
                "cp \"$(cat " + night + ")\" \"$out\"", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** An empty folder; with a database, the site's rows forgotten too. */
    private static void fresh(Path scans, String store, int hosts, String storeUser) {
        deleteTree(scans);
        if (store != null) {
            List<String> forget = new ArrayList<>(List.of(Timed.java(), "-jar", jarPath(), "store", "forget-site", "bench-" + hosts,
                    "--store", store));
            if (storeUser != null) {
                forget.addAll(List.of("--store-user", storeUser, "--store-password-env", "NMAPDIFF_STORE_PASSWORD"));
            }
            runQuietly(forget);
        }
    }

    private static String jarPath() {
        try {
            return Timed.jar().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runQuietly(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path folder, String name) throws IOException {
        Path f = folder.resolve(name);
        return Files.exists(f) ? Files.size(f) : 0;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
