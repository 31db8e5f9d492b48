package io.github.nmapdiff.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * nmap's own ndiff test scans, read from {@code ../shared/corpus/ndiff-test-scans} beside the
 * checkout (they are under nmap's licence and not part of this project). Tests that use them
 * are skipped where the folder is absent.
 */
public final class Corpus {
    private Corpus() {
    }

    /** Returns the corpus folder, if it can be found from the working directory upwards. */
    public static Path folder() {
        String configured = System.getProperty("nmapdiff.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus").resolve("ndiff-test-scans");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns every scan file of the corpus, sorted by name; skips the calling test when absent. */
    public static List<Path> files() {
        Path folder = folder();
        assumeTrue(folder != null && Files.isDirectory(folder), "../shared/corpus/ndiff-test-scans is absent");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns one file of the corpus; skips the calling test when absent. */
    public static Path file(String name) {
        return files().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the corpus"));
    }
}
