package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.spi.ScanProgress;
import java.lang.reflect.AnnotatedType;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The nullness of the library reaches users' tools: every package of the library modules is
 * {@code @NullMarked} in its class files (the annotations are kept at run time, where IDEs,
 * NullAway and Kotlin read them), and what may be null says so. The build's NullAway checks the
 * code against the annotations; this test checks that no package is left out of that check and
 * that the annotations are in the jars users get.
 */
class NullnessAnnotationsTest {
    @Test
    void everyPackageOfTheLibraryIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the kits' own test helpers
                .importPackages("io.github.nmapdiff")) {
            if (!c.getPackageName().startsWith("io.github.nmapdiff.examples")) { // the command line is an application
                packages.add(c.getPackageName());
            }
        }
        // every module's packages were found, so the loop below checks them all
        assertThat(packages).contains("io.github.nmapdiff.core.model", "io.github.nmapdiff.core.internal.xml",
                "io.github.nmapdiff.nmap", "io.github.nmapdiff.store.fs", "io.github.nmapdiff.store.jdbc",
                "io.github.nmapdiff.notify.mail", "io.github.nmapdiff.testkit");
        for (String name : packages) {
            Class<?> info = Class.forName(name + ".package-info");
            assertThat(info.isAnnotationPresent(NullMarked.class)).as(name + " is @NullMarked").isTrue();
        }
    }

    @Test
    void whatMayBeNullIsAnnotatedSoInTheApi() throws NoSuchMethodException {
        assertThat(nullable(Port.class.getMethod("service").getAnnotatedReturnType())).as("Port.service()").isTrue();
        assertThat(nullable(Service.class.getMethod("version").getAnnotatedReturnType())).as("Service.version()").isTrue();
        assertThat(nullable(Port.class.getMethod("state").getAnnotatedReturnType())).as("Port.state()").isFalse();
        AnnotatedType left = ScanProgress.Builder.class.getMethod("remaining", Duration.class).getAnnotatedParameterTypes()[0];
        assertThat(nullable(left)).as("ScanProgress.Builder.remaining(left)").isTrue();
    }

    private static boolean nullable(AnnotatedType type) {
        return type.isAnnotationPresent(Nullable.class);
    }
}
