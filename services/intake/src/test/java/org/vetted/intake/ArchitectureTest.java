package org.vetted.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.vetted.house.HouseRules;

/** The house rules every service runs, and intake's own: the Avro contract is messaging's alone. */
@AnalyzeClasses(packages = "org.vetted.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests house = ArchTests.in(HouseRules.class);

    /** Stricter than the house: not even intake's store or wiring sees an Avro class. */
    @ArchTest
    static final ArchRule avroStopsAtMessaging = noClasses()
            .that()
            .resideInAnyPackage("..store..", "..config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.vetted.events..");
}
