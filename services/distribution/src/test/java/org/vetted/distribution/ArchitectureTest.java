package org.vetted.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.vetted.contract.ContentHash;
import org.vetted.contract.MedicalCredits;
import org.vetted.house.HouseRules;

/** The house rules every service runs, and distribution's own. */
@AnalyzeClasses(packages = "org.vetted.distribution", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests house = ArchTests.in(HouseRules.class);

    @ArchTest
    static final ArchRule domainUsesOnlyTheContentHashOfTheContract = HouseRules.domainUsesOfTheContractOnly(
            ContentHash.class, ContentHash.Reviewed.class, ContentHash.Credit.class, MedicalCredits.class);

    @ArchTest
    static final ArchRule webDoesNotSeeKafka = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..");
}
