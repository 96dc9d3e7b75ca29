package dev.valbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EJB jar's layering (its LayersTest) held for the whole server, the WAR's boundaries included: a boundary
 * belongs to its capability, so a resource that reached into a capability which uses its own would close a cycle.
 */
class WarLayersTest {

    /**
     * The run path's cycles, as in the EJB jar's LayersTest (the compiler worker is execution's, yet vals, modules and
     * packages call it; a package lock is read from a val version), plus the val evaluations that {@code ValsResource}
     * lists and cancels. Each is the one class-to-class dependency (origin, target) that closes it.
     */
    static final List<Map.Entry<String, String>> RUN_PATH_CYCLES = List.of(
            Map.entry("dev.valbox.vals.control.Vals", "dev.valbox.execution.control.Compiler"),
            Map.entry("dev.valbox.modules.control.Modules", "dev.valbox.execution.control.Compiler"),
            Map.entry("dev.valbox.packages.control.CompiledFiles", "dev.valbox.execution.control.Compiler"),
            Map.entry("dev.valbox.packages.control.CompiledFiles", "dev.valbox.execution.control.Compilation"),
            Map.entry("dev.valbox.packages.control.Packages", "dev.valbox.vals.entity.ValVersion"),
            Map.entry("dev.valbox.vals.boundary.ValsResource", "dev.valbox.execution.control.Evaluations"),
            Map.entry("dev.valbox.vals.boundary.ValsResource", "dev.valbox.execution.boundary.EvaluationResponse"));

    static JavaClasses server;

    @BeforeAll
    static void importTheServer() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.valbox");
        assertTrue(
                server.contain("dev.valbox.vals.control.Vals")
                        && server.contain("dev.valbox.vals.boundary.ValsResource"),
                "both the EJB jar and the WAR are imported");
    }

    @Test
    void capabilitiesFormNoCycles() {
        var rule = slices().matching("dev.valbox.(*)..").should().beFreeOfCycles();
        for (var frozen : RUN_PATH_CYCLES) {
            rule = rule.ignoreDependency(theClass(frozen.getKey()), theClass(frozen.getValue()));
        }
        rule.check(server);
    }

    @Test
    void entitiesAndControlsKnowNoBoundary() {
        noClasses()
                .that()
                .resideInAnyPackage("..entity..", "..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..boundary..")
                .check(server);
    }

    private static DescribedPredicate<JavaClass> theClass(String name) {
        return DescribedPredicate.describe(
                name, type -> type.getName().equals(name) || type.getName().startsWith(name + "$"));
    }
}
