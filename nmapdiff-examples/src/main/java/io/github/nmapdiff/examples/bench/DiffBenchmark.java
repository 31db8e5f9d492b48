package io.github.nmapdiff.examples.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code nmapdiff diff} against the real {@code ndiff} on a generated pair of N-host
 * scans, whole processes side by side, with a bare StAX pass over both files as the floor;
 * prints wall time and peak memory (GNU time's maximum resident set size), and checks that
 * our output equals ndiff's. Exits 1 when it does not.
 *
 * <pre>
 * java -cp nmapdiff-examples/target/nmapdiff.jar io.github.nmapdiff.examples.bench.DiffBenchmark --hosts 100000
 * </pre>
 *
 * Options: {@code --hosts N} (default 100000), {@code --dir DIR} (default {@code target/bench}),
 * {@code --xmx SIZE} (the heap of our diff, default none), {@code --no-ndiff}.
 */
public final class DiffBenchmark {
    private record Measured(String name, double seconds, long peakKb, int exitCode, Path output) {
    }

    private DiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = 100_000;
        Path dir = Path.of("target", "bench");
        String xmx = null;
        boolean runNdiff = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--no-ndiff" -> runNdiff = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path folder = dir.resolve(hosts + "-hosts");
        Path a = folder.resolve("before.xml");
        Path b = folder.resolve("after.xml");
        if (!Files.exists(b)) {
            long t0 = System.nanoTime();
            ScanPairGenerator.write(folder, hosts, 42);
            System.out.printf(Locale.ROOT, "generated %d-host pair in %.1f s: %d MB + %d MB%n", hosts, (System.nanoTime() - t0) / 1e9,
                    Files.size(a) >> 20, Files.size(b) >> 20);
        }
        String jar = jar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<Measured> results = new ArrayList<>();
        List<String> ours = new ArrayList<>(List.of(java));
        if (xmx != null) {
            ours.add("-Xmx" + xmx);
        }
        ours.addAll(List.of("-jar", jar, "diff", a.toString(), b.toString()));
        results.add(measure("nmapdiff diff" + (xmx == null ? "" : " (-Xmx" + xmx + ")"), ours, folder.resolve("nmapdiff.txt")));
        if (runNdiff) {
            results.add(measure("ndiff", List.of("ndiff", a.toString(), b.toString()), folder.resolve("ndiff.txt")));
        }
        results.add(measure("bare StAX pass (floor)", List.of(java, "-cp", jar, BareStaxPass.class.getName(), a.toString(), b.toString()),
                folder.resolve("stax.txt")));

        System.out.printf(Locale.ROOT, "%n%d hosts per scan, %d + %d MB of XML, %d cores, Java %s%n", hosts, Files.size(a) >> 20,
                Files.size(b) >> 20, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "| %-28s | %10s | %14s | %9s |%n", "command", "wall (s)", "peak RSS (MB)", "exit code");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(12), "-".repeat(16), "-".repeat(11));
        for (Measured m : results) {
            System.out.printf(Locale.ROOT, "| %-28s | %10.2f | %14d | %9d |%n", m.name, m.seconds, m.peakKb / 1024, m.exitCode);
        }
        Measured mine = results.get(0);
        Measured floor = results.get(results.size() - 1);
        System.out.printf(Locale.ROOT, "%nnmapdiff / StAX floor: %.2fx time%n", mine.seconds / floor.seconds);
        boolean same = true;
        if (runNdiff) {
            Measured ndiff = results.get(1);
            same = Files.mismatch(mine.output, ndiff.output) == -1 && mine.exitCode == ndiff.exitCode;
            System.out.printf(Locale.ROOT, "ndiff / nmapdiff: %.1fx time, %.1fx memory%n", ndiff.seconds / mine.seconds,
                    (double) ndiff.peakKb / mine.peakKb);
            System.out.println(same ? "output: identical to ndiff's (" + Files.size(mine.output) + " bytes), same exit code"
                    : "output: DIFFERS from ndiff's (" + mine.output + " vs " + ndiff.output + ")");
        }
        System.exit(same && mine.exitCode == 1 ? 0 : 1);
    }

    private static Measured measure(String name, List<String> command, Path output) throws IOException, InterruptedException {
        Path times = Files.createTempFile("bench-time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %M"));
        timed.addAll(command);
        System.out.println("running: " + String.join(" ", command));
        Process p = new ProcessBuilder(timed).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = p.waitFor();
        String[] figures = Files.readAllLines(times, StandardCharsets.UTF_8).stream().filter(l -> l.matches("[0-9.]+ [0-9]+"))
                .findFirst().orElseThrow(() -> new IOException("GNU time gave no figures; is /usr/bin/time installed?")).split(" ");
        Files.delete(times);
        return new Measured(name, Double.parseDouble(figures[0]), Long.parseLong(figures[1]), exit, output);
    }

    private static String jar() throws URISyntaxException {
        Path self = Path.of(DiffBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!self.toString().endsWith(".jar")) {
            self = Path.of("nmapdiff-examples", "target", "nmapdiff.jar");
        }
        return self.toString();
    }
}
