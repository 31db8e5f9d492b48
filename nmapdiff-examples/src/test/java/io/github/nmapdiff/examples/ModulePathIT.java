package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's program on the module path ({@code src/test/modulepath/demo}): compiled with every
 * warning an error against nmapdiff's modules and their dependencies only, then run with
 * {@code java -p ... -m demo/demo.Main} and no {@code --add-modules}. It reads and diffs two
 * recorded scans (JAXB), keeps them in the filesystem store (Jackson) through a
 * {@code Monitor}, and queues the mail (Jakarta Mail).
 */
class ModulePathIT {
    /** The jars a program that uses nmapdiff's library modules needs, by the start of their file names. */
    private static final List<String> LIBRARIES = List.of("nmapdiff-core", "nmapdiff-nmap", "nmapdiff-store-fs",
            "nmapdiff-notify-mail", "jakarta.xml.bind-api", "jaxb-runtime", "jaxb-core", "txw2", "istack-commons-runtime",
            "jakarta.activation-api", "angus-activation", "jackson-core", "jackson-databind", "jackson-annotations", "slf4j-api",
            "jakarta.mail-api", "angus-mail", "jspecify");

    @TempDir
    Path dir;

    @Test
    void aProgramOnTheModulePathRunsWithoutAddModules() throws Exception {
        List<String> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            boolean library = LIBRARIES.stream().anyMatch(l -> name.startsWith(l + "-") && name.endsWith(".jar") && !name.contains("tests"))
                    || (name.equals("classes") && LIBRARIES.stream().anyMatch(l -> p.getParent().getParent().getFileName().toString().equals(l)));
            if (library) {
                modulePath.add(entry);
            }
        }
        assertThat(modulePath).as("nmapdiff's modules on the test class path").anyMatch(e -> e.contains("nmapdiff-core"));

        Path source = Path.of("src/test/modulepath/demo");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> javac = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--release", "17", "-d", classes.toString(), "-classpath", classes.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath)));
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = compiler.run(null, errors, errors, javac.toArray(String[]::new));
        assertThat(compiled).as("javac: " + errors.toString(StandardCharsets.UTF_8)).isZero();

        Path recorded = Path.of("../nmapdiff-core/src/test/recorded");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "--module-path",
                classes + File.pathSeparator + String.join(File.pathSeparator, modulePath), "-m", "demo/demo.Main",
                recorded.resolve("a.xml").toString(), recorded.resolve("b.xml").toString(), dir.toString());
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).contains("monitor CHANGES {mail=QUEUED}").contains("snapshots 2, read back")
                .contains("module io.github.nmapdiff.core named true")
                .contains("core exports io.github.nmapdiff.core io.github.nmapdiff.core.diff io.github.nmapdiff.core.memory"
                        + " io.github.nmapdiff.core.model"
                        + " io.github.nmapdiff.core.render io.github.nmapdiff.core.run io.github.nmapdiff.core.spi"
                        + " io.github.nmapdiff.core.support io.github.nmapdiff.core.xml\n")
                .doesNotContain("Exception");
        assertThat(Arrays.stream(output.split("\n")).filter(l -> l.startsWith("changes ")).findFirst().orElseThrow())
                .isNotEqualTo("changes 0");
    }
}
