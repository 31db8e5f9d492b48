package io.github.nmapdiff.examples.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Whole processes timed by GNU time ({@code /usr/bin/time}): wall time and peak resident memory, medians of the runs. */
final class Timed {
    private Timed() {
    }

    /** A figure: median wall time, median peak RSS, the exit code of the last run, where its output went. */
    record Measured(String name, double seconds, long peakKb, int exitCode, Path output) {
        long peakMb() {
            return peakKb / 1024;
        }
    }

    /**
     * Runs a command {@code runs} times, {@code before} each run; returns the medians.
     *
     * @param before what to do before each run (start from the same state); may do nothing
     */
    static Measured measure(String name, List<String> args, Path output, int runs, Consumer<Integer> before)
            throws IOException, InterruptedException {
        double[] seconds = new double[runs];
        long[] peaks = new long[runs];
        int exit = 0;
        System.out.println("running " + runs + "x: " + String.join(" ", args));
        for (int run = 0; run < runs; run++) {
            before.accept(run);
            Path times = Files.createTempFile("bench-time", ".txt");
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %M"));
            timed.addAll(args);
            Process p = new ProcessBuilder(timed).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            exit = p.waitFor();
            String[] figures = Files.readAllLines(times, StandardCharsets.UTF_8).stream().filter(l -> l.matches("[0-9.]+ [0-9]+"))
                    .findFirst().orElseThrow(() -> new IOException("GNU time gave no figures; is /usr/bin/time installed?")).split(" ");
            Files.delete(times);
            seconds[run] = Double.parseDouble(figures[0]);
            peaks[run] = Long.parseLong(figures[1]);
        }
        Arrays.sort(seconds);
        Arrays.sort(peaks);
        return new Measured(name, seconds[runs / 2], peaks[runs / 2], exit, output);
    }

    /** The nmapdiff jar that runs this benchmark, or the build's. */
    static Path jar() throws URISyntaxException {
        Path self = Path.of(Timed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!self.toString().endsWith(".jar")) {
            self = Path.of("nmapdiff-examples", "target", "nmapdiff.jar");
        }
        return self;
    }

    /** The java of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
