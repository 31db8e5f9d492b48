package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every Java example of the README compiles against the modules as built: a fragment inside
 * a method, a class as it is, each with the imports a reader would add (every package of
 * nmapdiff, java.nio.file, java.time, java.util, AssertJ). The module declaration requires
 * what the demo module that {@code ModulePathIT} compiles and runs requires.
 */
class ReadmeJavaExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n",
            "import io.github.nmapdiff.core.*;", "import io.github.nmapdiff.core.diff.*;", "import io.github.nmapdiff.core.memory.*;",
            "import io.github.nmapdiff.core.model.*;", "import io.github.nmapdiff.core.render.*;", "import io.github.nmapdiff.core.run.*;",
            "import io.github.nmapdiff.core.spi.*;", "import io.github.nmapdiff.core.support.*;", "import io.github.nmapdiff.core.xml.*;",
            "import io.github.nmapdiff.nmap.*;", "import io.github.nmapdiff.store.fs.*;", "import io.github.nmapdiff.notify.mail.*;",
            "import io.github.nmapdiff.testkit.*;", "import java.nio.file.*;", "import java.time.*;", "import java.util.List;",
            "import static org.assertj.core.api.Assertions.assertThat;", "");
    /** What the examples name as the reader's own: a store of theirs. */
    private static final String READERS_OWN = "abstract class MyStore implements SnapshotStore {\n"
            + "    static MyStore createEmpty(Clock clock) { return null; }\n"
            + "    static MyStore open(Object location) { return null; }\n"
            + "    Object location() { return null; }\n}\n";

    @Test
    void everyJavaExampleOfTheReadmeCompiles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<JavaFileObject> units = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        int n = 0;
        int modules = 0;
        while (m.find()) {
            String code = m.group(1);
            n++;
            if (code.strip().startsWith("module ")) {
                // the same requires as the demo module that ModulePathIT compiles and runs
                assertThat(requires(code)).isEqualTo(requires(Files.readString(Path.of("src/test/modulepath/demo/module-info.java"))));
                modules++;
                continue;
            }
            StringBuilder imports = new StringBuilder(IMPORTS);
            StringBuilder body = new StringBuilder();
            for (String line : code.split("\n")) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
            String name = "ReadmeExample" + n;
            boolean isClass = Pattern.compile("(?m)^(public )?(final )?(abstract )?class \\w+").matcher(body).find();
            String source = isClass
                    ? imports + "\n" + body.toString().replaceFirst("(public )?(final )?(abstract )?class (\\w+)", "final class $4")
                            + "\nclass " + name + " {}\n"
                    : imports + "\nclass " + name + " {\n    void example() throws Exception {\n" + body + "\n    }\n}\n";
            units.add(unit("example" + n + "/" + name, "package example" + n + ";\n" + source + (source.contains("MyStore")
                    ? READERS_OWN : "")));
        }
        assertThat(n).as("the README has Java examples").isGreaterThanOrEqualTo(8);
        assertThat(modules).as("the module declaration, left to ModulePathIT").isEqualTo(1);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-examples");
        String classpath = System.getProperty("java.class.path");
        boolean ok = compiler.getTask(null, null, problems, List.of("-classpath", classpath, "-d", out.toString(), "-proc:none"),
                null, units).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : problems.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        assertThat(errors).as("the README's examples compile").isEmpty();
        assertThat(ok).isTrue();
    }

    private static List<String> requires(String module) {
        List<String> requires = new ArrayList<>();
        Matcher m = Pattern.compile("requires ([\\w.]+);").matcher(module);
        while (m.find()) {
            requires.add(m.group(1));
        }
        return requires;
    }

    private static JavaFileObject unit(String name, String source) {
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }
}
