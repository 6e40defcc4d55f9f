package org.vetted.rendering;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.vetted.contract.ContentHash;

/**
 * The layers every service shares: domain (pure rules), app (use cases and their ports), the adapters messaging,
 * store and web, and config (wiring, free to see everything).
 */
@AnalyzeClasses(packages = "org.vetted.rendering", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final Set<String> ADAPTERS = Set.of("messaging", "store", "web");

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworksAndTransport = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.vetted.events..",
                    "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..",
                    "org.vetted.rendering.app..", "org.vetted.rendering.messaging..", "org.vetted.rendering.store..",
                    "org.vetted.rendering.web..", "org.vetted.rendering.config..")
            .because("the domain decides; safe-markdown (Flexmark and the sanitizer) and the contract's "
                    + "ContentHash are its only outside help");

    @ArchTest
    static final ArchRule domainUsesOnlyTheContentHashOfTheContract = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat(resideInAPackage("org.vetted.contract..")
                    .and(not(type(ContentHash.class).or(type(ContentHash.Reviewed.class))
                            .or(type(ContentHash.Credit.class)))))
            .because("dead-lettering and serde are the messaging layer's business");

    @ArchTest
    static final ArchRule appSeesOnlyTheDomainAndTheJdk = classes()
            .that().resideInAPackage("..app..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.vetted.rendering.domain..", "org.vetted.rendering.app..", "java..")
            .because("use cases and their ports speak domain types; adapters and wiring come to them");

    /** Each adapter meets the others only through app's ports; config alone joins them. */
    @ArchTest
    static final ArchRule adaptersDoNotUseOneAnother = slices()
            .matching("org.vetted.rendering.(*)..")
            .that(describe("are adapters", slice -> ADAPTERS.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vetted.intake..", "org.vetted.review..", "org.vetted.distribution..");
}
