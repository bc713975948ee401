package no.samhandling.discharge.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The capabilities depend on each other one way only (architecture.md): {@code capacity},
 * {@code statistics} → {@code stay} → {@code reference}, {@code dashboard} → {@code statistics}, {@code reference},
 * and every capability → {@code messaging} as a port, never back. A new cycle, or messaging reaching into a
 * capability, fails here.
 */
class CapabilityDependenciesTest {

    private static final String ROOT = "no.samhandling.discharge";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void noImportCycleBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void messagingKnowsNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".stay..", ROOT + ".capacity..", ROOT + ".statistics..",
                        ROOT + ".reference..", ROOT + ".dashboard..")
                .check(main);
    }

    /** The dashboard shows what the statistics answer; it reads no stay, capacity or message itself. */
    @Test
    void theDashboardReadsOnlyStatisticsAndReferenceData() {
        noClasses().that().resideInAPackage(ROOT + ".dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".stay..", ROOT + ".capacity..", ROOT + ".messaging..")
                .check(main);
    }

    @Test
    void noCapabilityDependsOnTheDashboard() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".dashboard..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".dashboard..")
                .check(main);
    }

    @Test
    void referenceDataKnowsNoStayCapacityOrStatistics() {
        noClasses().that().resideInAPackage(ROOT + ".reference..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".stay..", ROOT + ".capacity..", ROOT + ".statistics..")
                .check(main);
    }

    @Test
    void stayKnowsNeitherCapacityNorStatistics() {
        noClasses().that().resideInAPackage(ROOT + ".stay..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".capacity..", ROOT + ".statistics..")
                .check(main);
    }
}
