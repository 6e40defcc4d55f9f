package org.vetted.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.vetted.house.HouseRules;

/** The house rules every service runs, and review's own. */
@AnalyzeClasses(packages = "org.vetted.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests house = ArchTests.in(HouseRules.class);

    /** Stricter than the house: the store keeps signed records as bytes, and the wiring needs no Avro class either. */
    @ArchTest
    static final ArchRule avroStopsAtMessaging = noClasses()
            .that()
            .resideInAnyPackage("..store..", "..config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.vetted.events..");
}
