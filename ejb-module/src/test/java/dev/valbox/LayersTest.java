package dev.valbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
 * The layering SPEC and STYLE describe, held for the EJB jar: business and persistence only. HTTP lives in the WAR's
 * boundaries, user code only in the runner's worker JVMs, and entities stand on nothing above them.
 */
class LayersTest {

    /**
     * The capability cycles left, all on the run path, which other work is changing: the compiler worker is
     * execution's, yet vals, modules and packages call it when a version is saved or imported, and a package lock is
     * read from a val version. Each is frozen as the one class-to-class dependency that closes it (origin to target),
     * so any other dependency that would close a cycle fails {@link #capabilitiesFormNoCycles()}.
     */
    static final List<Map.Entry<String, String>> RUN_PATH_CYCLES = List.of(
            Map.entry("dev.valbox.vals.control.Vals", "dev.valbox.execution.control.Compiler"),
            Map.entry("dev.valbox.modules.control.Modules", "dev.valbox.execution.control.Compiler"),
            Map.entry("dev.valbox.packages.control.CompiledFiles", "dev.valbox.execution.control.Compiler"),
            Map.entry("dev.valbox.packages.control.CompiledFiles", "dev.valbox.execution.control.Compilation"),
            Map.entry("dev.valbox.packages.control.Packages", "dev.valbox.vals.entity.ValVersion"));

    static JavaClasses ejbJar;

    @BeforeAll
    static void importTheJar() {
        ejbJar = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.valbox");
    }

    @Test
    void theEjbJarKnowsNoHttp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
                .because("requests are read and answered by the WAR's boundaries")
                .check(ejbJar);
    }

    @Test
    void boundariesLiveOnlyInTheWar() {
        noClasses()
                .should()
                .resideInAPackage("..boundary..")
                .because("the EJB jar holds control and entity classes")
                .check(ejbJar);
    }

    @Test
    void onlyTheRunnerTouchesNashorn() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.openjdk.nashorn..", "javax.script..")
                .because("user code runs only in the runner's worker JVMs, never in the server")
                .check(ejbJar);
    }

    @Test
    void entitiesStandOnNothingAboveThem() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..control..", "..boundary..")
                .check(ejbJar);
    }

    /**
     * Tokens are the hub every capability asks "who is calling, with what scopes": they depend on accounts only. A val
     * run's caller is built from the author and scopes the run hands over; a leak notice goes out as an event that
     * email observes.
     */
    @Test
    void tokensKnowNeitherValsNorEmail() {
        noClasses()
                .that()
                .resideInAPackage("dev.valbox.tokens..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.valbox.vals..", "dev.valbox.email..")
                .check(ejbJar);
    }

    /**
     * A capability (the package below {@code dev.valbox}) may use another only if that one does not use it back,
     * however indirectly: lower capabilities answer through events they fire or interfaces they own. Only the run
     * path's cycles listed in {@link #RUN_PATH_CYCLES} remain.
     */
    @Test
    void capabilitiesFormNoCycles() {
        var rule = slices().matching("dev.valbox.(*)..").should().beFreeOfCycles();
        for (var frozen : RUN_PATH_CYCLES) {
            rule = rule.ignoreDependency(theClass(frozen.getKey()), theClass(frozen.getValue()));
        }
        rule.check(ejbJar);
    }

    /** The class itself, its nested classes included. */
    static DescribedPredicate<JavaClass> theClass(String name) {
        return DescribedPredicate.describe(
                name, type -> type.getName().equals(name) || type.getName().startsWith(name + "$"));
    }
}
