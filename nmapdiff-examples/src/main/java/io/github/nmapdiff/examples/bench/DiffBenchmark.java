package io.github.nmapdiff.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code nmapdiff diff} against the real {@code ndiff} on a generated pair of N-host
 * scans, whole processes side by side, with a bare StAX pass over both files as the floor;
 * prints wall time and peak memory (GNU time's maximum resident set size, medians of the runs),
 * and checks that our output equals ndiff's. Our diff runs twice: as {@code java -jar
 * nmapdiff.jar diff} with the JVM's defaults, and through the {@code nmapdiff} launcher (the
 * JVM options of a short process), when it lies beside the build's {@code target} folder.
 * Exits 1 when an output differs.
 *
 * <pre>
 * java -cp nmapdiff-examples/target/nmapdiff.jar DiffBenchmark --hosts 100000
 * </pre>
 *
 * Options: {@code --hosts N} (default 100000), {@code --runs N} (default 3), {@code --dir DIR}
 * (default {@code target/bench}), {@code --xmx SIZE} (the heap of our diff, default none),
 * {@code --no-ndiff}.
 */
public final class DiffBenchmark {
    private record Command(String name, List<String> args, Path output, boolean ours) {
    }

    private DiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = 100_000;
        int runs = 3;
        Path dir = Path.of("target", "bench");
        String xmx = null;
        boolean runNdiff = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--no-ndiff" -> runNdiff = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path folder = dir.resolve(hosts + "-hosts-v2"); // v2: hosts have times, as nmap writes them
        Path a = folder.resolve("before.xml");
        Path b = folder.resolve("after.xml");
        if (!Files.exists(b)) {
            long t0 = System.nanoTime();
            ScanPairGenerator.write(folder, hosts, 42);
            System.out.printf(Locale.ROOT, "generated %d-host pair in %.1f s: %d MB + %d MB%n", hosts, (System.nanoTime() - t0) / 1e9,
                    Files.size(a) >> 20, Files.size(b) >> 20);
        }
        Path jar = Timed.jar();
        String java = Timed.java();
        String heap = xmx == null ? "" : " (-Xmx" + xmx + ")";

        List<Command> commands = new ArrayList<>();
        List<String> plain = new ArrayList<>(List.of(java));
        if (xmx != null) {
            plain.add("-Xmx" + xmx);
        }
        plain.addAll(List.of("-jar", jar.toString(), "diff", a.toString(), b.toString()));
        commands.add(new Command("java -jar nmapdiff.jar diff" + heap, plain, folder.resolve("nmapdiff.txt"), true));
        Path launcher = jar.toAbsolutePath().getParent().resolveSibling("nmapdiff");
        if (Files.isExecutable(launcher)) {
            List<String> launched = List.of("env", "JAVA=" + java, "NMAPDIFF_JAVA_OPTS=" + (xmx == null ? "" : "-Xmx" + xmx),
                    launcher.toString(), "diff", a.toString(), b.toString());
            commands.add(new Command("nmapdiff diff (launcher)" + heap, launched, folder.resolve("nmapdiff-launcher.txt"), true));
        }
        if (runNdiff) {
            commands.add(new Command("ndiff", List.of("ndiff", a.toString(), b.toString()), folder.resolve("ndiff.txt"), false));
        }
        commands.add(new Command("bare StAX pass (floor)", List.of(java, "-cp", jar.toString(), BareStaxPass.class.getName(), a.toString(),
                b.toString()), folder.resolve("stax.txt"), false));

        List<Timed.Measured> results = new ArrayList<>();
        for (Command command : commands) {
            results.add(measure(command, runs));
        }

        System.out.printf(Locale.ROOT, "%n%d hosts per scan, %d + %d MB of XML, %d cores, Java %s, medians of %d runs%n", hosts,
                Files.size(a) >> 20, Files.size(b) >> 20, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                runs);
        System.out.printf(Locale.ROOT, "| %-38s | %10s | %14s | %9s |%n", "command", "wall (s)", "peak RSS (MB)", "exit code");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(40), "-".repeat(12), "-".repeat(16), "-".repeat(11));
        for (Timed.Measured m : results) {
            System.out.printf(Locale.ROOT, "| %-38s | %10.2f | %14d | %9d |%n", m.name(), m.seconds(), m.peakKb() / 1024, m.exitCode());
        }
        Timed.Measured floor = results.get(results.size() - 1);
        Timed.Measured ndiff = runNdiff ? results.get(results.size() - 2) : null;
        boolean same = true;
        System.out.println();
        for (int i = 0; i < commands.size(); i++) {
            if (!commands.get(i).ours) {
                continue;
            }
            Timed.Measured mine = results.get(i);
            System.out.printf(Locale.ROOT, "%s: %.2fx the floor's time", mine.name(), mine.seconds() / floor.seconds());
            if (ndiff != null) {
                boolean identical = Files.mismatch(mine.output(), ndiff.output()) == -1 && mine.exitCode() == ndiff.exitCode();
                same &= identical;
                System.out.printf(Locale.ROOT, "; speed-up over ndiff %.1fx, memory %.0f%% of ndiff's; output %s", ndiff.seconds() / mine.seconds(),
                        100.0 * mine.peakKb() / ndiff.peakKb(), identical ? "identical to ndiff's, same exit code"
                                : "DIFFERS from ndiff's (" + mine.output() + " vs " + ndiff.output() + ")");
            }
            System.out.println();
            same &= mine.exitCode() == 1;
        }
        System.exit(same ? 0 : 1);
    }

    private static Timed.Measured measure(Command command, int runs) throws IOException, InterruptedException {
        return Timed.measure(command.name, command.args, command.output, runs, run -> { });
    }
}
