package io.github.nmapdiff.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * nmap's own ndiff test scans, read from {@code ../shared/corpus/ndiff-test-scans} beside the
 * checkout (they are under nmap's licence and not part of this project), together with the
 * project's own {@link Recorded} scans, which every clone has.
 */
public final class Corpus {
    private static volatile boolean told;

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

    /**
     * Returns one file of nmap's corpus, for a test of what that file holds. Where the corpus is
     * absent: on CI the test fails; elsewhere it is skipped, and the build output says why.
     */
    public static Path file(String name) {
        Path folder = folder();
        if (folder == null || !Files.isDirectory(folder)) {
            String why = "../shared/corpus/ndiff-test-scans is absent, so this test of nmap's own " + name + " cannot run";
            if (System.getenv("CI") != null) {
                fail(why + "; CI runs nmap's ndiff test scans as an extra check: lay out shared/ beside the checkout");
            }
            System.out.println("skipped: " + why);
            assumeTrue(false, why);
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(name + " is not in the corpus " + folder);
        }
        return file;
    }

    /**
     * Returns the scans to test on: the project's recorded scans, then nmap's corpus sorted by
     * name. Where the corpus is absent the recorded scans alone are returned and the build
     * output says so; on CI (variable {@code CI} set), where it must be, the test fails.
     */
    public static List<Path> files() {
        List<Path> files = new ArrayList<>(Recorded.scans());
        Path folder = folder();
        if (folder == null || !Files.isDirectory(folder)) {
            if (System.getenv("CI") != null) {
                fail("../shared/corpus/ndiff-test-scans is absent: CI runs nmap's ndiff test scans as an extra check;"
                        + " lay out shared/ beside the checkout, or set -Dnmapdiff.corpus=DIR");
            }
            if (!told) {
                told = true;
                System.out.println("note: ../shared/corpus/ndiff-test-scans is absent: the corpus tests run on the project's"
                        + " recorded scans only");
            }
            return files;
        }
        try (Stream<Path> corpus = Files.list(folder)) {
            files.addAll(corpus.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
