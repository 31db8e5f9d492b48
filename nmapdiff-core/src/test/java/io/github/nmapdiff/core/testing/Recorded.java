package io.github.nmapdiff.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's own recorded scans ({@code nmapdiff-core/src/test/recorded}): real nmap output
 * of services on loopback, made by {@code record.sh} there, with the real ndiff's outputs for
 * every ordered pair recorded beside them. Every clone has them.
 */
public final class Recorded {
    /** The recorded scans, by name: two nights on 127.0.0.1 and the same two on ::1. */
    public static final List<String> NAMES = List.of("a", "b", "a6", "b6");

    private Recorded() {
    }

    /** Returns the folder, from core's own folder or from a sibling module's. */
    public static Path folder() {
        for (Path candidate : List.of(Path.of("src/test/recorded"), Path.of("../nmapdiff-core/src/test/recorded"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("the recorded scans are not found from " + Path.of("").toAbsolutePath()
                + " (nmapdiff-core/src/test/recorded)");
    }

    /** Returns the recorded scan files, in the order of {@link #NAMES}. */
    public static List<Path> scans() {
        return NAMES.stream().map(Recorded::scan).toList();
    }

    /** Returns one recorded scan. */
    public static Path scan(String name) {
        return folder().resolve(name + ".xml");
    }

    /** Returns what the real ndiff printed for a pair: {@code ""} text, {@code ".v"} text with -v, {@code "--xml"}. */
    public static String ndiff(String before, String after, String mode) {
        String file = before + "-" + after + (mode.equals("--xml") ? ".xml" : mode + ".txt");
        return read(folder().resolve(file));
    }

    /** Returns ndiff's exit codes for a pair: text, -v, --xml. */
    public static int[] exitCodes(String before, String after) {
        return java.util.Arrays.stream(read(folder().resolve(before + "-" + after + ".exit")).strip().split(" "))
                .mapToInt(Integer::parseInt).toArray();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
