package io.github.nmapdiff.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a plugin implements depends on nothing above it: the spi package imports only the model,
 * the diff and the memory's findings (the values a notification carries), never the facade, the
 * renderers, the XML reader or internals, so that those can change without touching a plugin;
 * and the memory depends on no spi or facade either.
 */
class SpiDependenciesTest {
    @Test
    void theSpiImportsOnlyTheModelTheDiffTheFindingsAndTheJdk() throws IOException {
        assertImports("spi", List.of("java.", "io.github.nmapdiff.core.model.", "io.github.nmapdiff.core.diff.",
                "io.github.nmapdiff.core.memory."));
        assertImports("memory", List.of("java.", "io.github.nmapdiff.core.model.", "io.github.nmapdiff.core.diff.",
                "io.github.nmapdiff.core.internal."));
    }

    private static void assertImports(String pkg, List<String> allowed) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/github/nmapdiff/core", pkg))) {
            for (Path file : files.toList()) {
                List<String> imports = Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
                assertThat(imports).as(file.getFileName().toString())
                        .allMatch(l -> allowed.stream().anyMatch(a -> l.startsWith("import " + a) || l.startsWith("import static " + a)));
            }
        }
    }
}
