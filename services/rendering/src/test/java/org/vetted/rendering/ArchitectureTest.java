package org.vetted.rendering;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.vetted.contract.ContentHash;

@AnalyzeClasses(packages = "org.vetted.rendering", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworksAndTransport = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.vetted.events..",
                    "tools.jackson..", "com.fasterxml..", "org.vetted.rendering.messaging..",
                    "org.vetted.rendering.config..")
            .because("the domain decides; safe-markdown (Flexmark and the sanitizer) and the contract's "
                    + "ContentHash are its only outside help");

    @ArchTest
    static final ArchRule domainUsesOnlyTheContentHashOfTheContract = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat(resideInAPackage("org.vetted.contract..")
                    .and(not(type(ContentHash.class).or(type(ContentHash.Reviewed.class))
                            .or(type(ContentHash.Credit.class)))))
            .because("dead-lettering and serde are the messaging layer's business");
}
