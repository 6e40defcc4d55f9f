package org.vetted.rendering;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.vetted.contract.ContentHash;
import org.vetted.contract.MedicalCredits;
import org.vetted.house.HouseRules;

/**
 * The house rules every service runs, and rendering's own: its domain decides with safe-markdown (Flexmark and the
 * sanitizer), the contract's content hash and its rule of who is credited, nothing else of the contract.
 */
@AnalyzeClasses(packages = "org.vetted.rendering", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests house = ArchTests.in(HouseRules.class);

    @ArchTest
    static final ArchRule domainUsesOnlyTheContentHashOfTheContract = HouseRules.domainUsesOfTheContractOnly(
            ContentHash.class, ContentHash.Reviewed.class, ContentHash.Credit.class, MedicalCredits.class);
}
