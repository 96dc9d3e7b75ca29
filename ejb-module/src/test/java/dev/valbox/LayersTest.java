package dev.valbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering SPEC and STYLE describe, held for the EJB jar: business and persistence only. HTTP lives in the WAR's
 * boundaries, user code only in the runner's worker JVMs, and entities stand on nothing above them.
 */
class LayersTest {

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
}
