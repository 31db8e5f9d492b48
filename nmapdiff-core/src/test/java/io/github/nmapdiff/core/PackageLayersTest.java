package io.github.nmapdiff.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form layers, each depending only on those below it, and no cycle:
 * the exceptions at the bottom, then the model (what a scan and a finding are), the
 * internals, the XML reader, the diff, what plugins implement (spi), what plugin authors
 * use (support), the job's memory, the renderings, and the job itself at the top. A reader
 * knows from a file's folder what it may touch; a plugin compiled against the spi does not
 * move when the job does.
 */
class PackageLayersTest {
    private static final String CORE = "io.github.nmapdiff.core";
    /** Bottom first. */
    private static final List<String> LAYERS = List.of("", "model", "internal", "xml", "diff", "spi", "support", "memory", "render",
            "run");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);
    }

    @Test
    void theCoresPackagesFormNoCycle() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                if (!c.getPackageName().equals(CORE) && !c.getPackageName().startsWith(CORE + ".")) {
                    return SliceIdentifier.ignore();
                }
                String rest = c.getPackageName().equals(CORE) ? "(root)" : c.getPackageName().substring(CORE.length() + 1);
                return SliceIdentifier.of(rest);
            }

            @Override
            public String getDescription() {
                return "the packages of the core";
            }
        }).should().beFreeOfCycles().check(core);
    }

    @Test
    void eachLayerDependsOnlyOnTheLayersBelowIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(PackageLayersTest::packages).toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            String layer = LAYERS.get(i);
            (layer.isEmpty() ? noClasses().that().resideInAPackage(CORE) : noClasses().that().resideInAPackage(packages(layer)))
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because("the " + (layer.isEmpty() ? "root (exceptions)" : layer) + " layer depends only on the layers below it")
                    .check(core);
        }
    }

    private static String packages(String layer) {
        return CORE + "." + layer + "..";
    }
}
