package io.github.nmapdiff.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real command-line tool (nmap, ndiff) for a test: output goes to files, so no pipe can
 * fill up, and the run is bounded in time.
 *
 * <p>A tool that is not installed skips the test on a developer's machine and fails it on CI
 * (where the environment variable {@code CI} is set), so that CI can never pass by skipping.
 */
public final class Tool {
    /** The commands whose absence the build's output has told already. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Tool() {
    }

    /** What a finished run gave. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Returns whether a command is on the PATH. */
    public static boolean installed(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Skips (on a developer machine) or fails (on CI) unless the command is installed; a skip
     * says so in the build's output, once per command, not only in the test report.
     */
    public static void require(String command) {
        if (installed(command)) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail(command + " is not installed; .ci/run must install it");
        }
        String why = command + " is not installed (apt-get install " + command + ")";
        if (SAID.add(command)) {
            System.out.println("skipped: " + why + ", so the tests that run it do not run here (on CI, where CI is set, they fail)");
        }
        assumeTrue(false, why);
    }

    /** Runs a command to its end, at most {@code timeoutSeconds}. */
    public static Result run(long timeoutSeconds, String... command) {
        require(command[0]);
        try {
            Path out = Files.createTempFile("tool-out", ".txt");
            Path err = Files.createTempFile("tool-err", ".txt");
            try {
                Process p = new ProcessBuilder(List.of(command)).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code ndiff} with arguments. */
    public static Result ndiff(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ndiff");
        command.addAll(List.of(args));
        return run(120, command.toArray(String[]::new));
    }
}
