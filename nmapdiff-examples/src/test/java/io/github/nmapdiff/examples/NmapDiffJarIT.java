package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.examples.bench.ScanPairGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it ({@code java -jar nmapdiff-examples/target/nmapdiff.jar}, or
 * through the {@code nmapdiff-examples/nmapdiff} launcher), after the package phase: it starts,
 * finds JAXB through the merged service files, and prints what the real ndiff prints.
 */
class NmapDiffJarIT {
    @TempDir
    static Path dir;
    static Path before;
    static Path after;

    @BeforeAll
    static void scans() throws Exception {
        DiffCommandTest.scans();
        before = DiffCommandTest.before;
        after = DiffCommandTest.after;
    }

    @Test
    void diffPrintsWhatNdiffPrintsWithTheSameExitCode() throws Exception {
        for (String mode : List.of("", "-v", "--xml")) {
            Result ours = exec(List.of(javaBin(), "-jar", jar(), "diff"), mode);
            Result ndiff = exec(List.of("ndiff"), mode);
            assertThat(ours.stdout).as(mode).isEqualTo(ndiff.stdout);
            assertThat(ours.exit).as(mode).isEqualTo(ndiff.exit).isEqualTo(1);
        }
    }

    @Test
    void theLauncherRunsTheJarWithItsExitCodes() throws Exception {
        Result ours = exec(List.of("env", "JAVA=" + javaBin(), Path.of("nmapdiff").toAbsolutePath().toString(), "diff"), "");
        Result ndiff = exec(List.of("ndiff"), "");
        assertThat(ours.stdout).isEqualTo(ndiff.stdout);
        assertThat(ours.exit).isEqualTo(1);

        Result missing = exec(List.of("env", "JAVA=" + javaBin(), Path.of("nmapdiff").toAbsolutePath().toString(), "diff",
                dir.resolve("no-such.xml").toString(), after.toString()), null);
        assertThat(missing.exit).isEqualTo(2);
    }

    @Test
    void runningOutOfMemoryIsAnErrorThatSaysWhatToDo() throws Exception {
        Path pair = dir.resolve("pair");
        ScanPairGenerator.write(pair, 20_000, 7);
        Path err = dir.resolve("oom-err.txt");
        Process p = new ProcessBuilder(javaBin(), "-Xmx32m", "-jar", jar(), "diff", "-v", pair.resolve("before.xml").toString(),
                pair.resolve("after.xml").toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as("not 1, which would say the scans differ").isEqualTo(2);
        assertThat(Files.readString(err)).contains("out of memory").contains("-Xmx");
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result help = exec(List.of(javaBin(), "-jar", jar(), "--help"), null);
        assertThat(help.exit).isZero();
        assertThat(help.stdout).contains("scan", "diff", "history", "watch", "show");
    }

    private static String jar() {
        return Path.of("target", "nmapdiff.jar").toString();
    }

    private record Result(int exit, String stdout) {
    }

    private static Result exec(List<String> command, String mode) throws Exception {
        List<String> full = new ArrayList<>(command);
        if (mode != null) {
            if (!mode.isEmpty()) {
                full.add(mode);
            }
            full.add(before.toString());
            full.add(after.toString());
        }
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(full).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ended", full).isTrue();
        return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
