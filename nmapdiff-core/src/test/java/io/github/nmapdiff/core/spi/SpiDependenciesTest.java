package io.github.nmapdiff.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a plugin implements depends on nothing above it: the spi package imports only the model
 * and the diff (the values a notification carries), never the facade, the renderers, the XML
 * reader or internals, so that those can change without touching a plugin.
 */
class SpiDependenciesTest {
    @Test
    void theSpiImportsOnlyTheModelTheDiffAndTheJdk() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/github/nmapdiff/core/spi"))) {
            for (Path file : files.toList()) {
                List<String> imports = Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
                assertThat(imports).as(file.getFileName().toString()).allMatch(l -> l.startsWith("import java.")
                        || l.startsWith("import io.github.nmapdiff.core.model.") || l.startsWith("import io.github.nmapdiff.core.diff."));
            }
        }
    }
}
