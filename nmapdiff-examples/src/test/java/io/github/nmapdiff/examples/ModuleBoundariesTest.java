package io.github.nmapdiff.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A package named {@code internal} is used by its own module only: the modules do not export
 * them, and this holds on the class path too, where nothing else would stop the command line
 * (or a plugin) from reaching into one. What another module needs is API.
 */
class ModuleBoundariesTest {
    /** The root package of every module that has internals. */
    private static final List<String> MODULES = List.of("io.github.nmapdiff.core", "io.github.nmapdiff.nmap",
            "io.github.nmapdiff.store.fs", "io.github.nmapdiff.notify.mail", "io.github.nmapdiff.testkit");

    @Test
    void noModuleUsesAnotherModulesInternals() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.nmapdiff");
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage(module + "..")
                    .should().dependOnClassesThat().resideInAPackage(module + ".internal..")
                    .because(module + ".internal is that module's own; what others need is API")
                    .check(all);
        }
    }
}
