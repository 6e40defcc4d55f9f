package org.vetted.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers: pure rules in {@code domain}, use cases and their ports in {@code app}, adapters ({@code web},
 * {@code store}, {@code messaging}) around them, wired in {@code config} (which, with the application class, may see
 * everything).
 */
@AnalyzeClasses(packages = "org.vetted.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Frameworks and wire formats stay out; a plain library is fine. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.vetted.events..",
                    "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..", "jakarta..");

    @ArchTest
    static final ArchRule domainKnowsNoOuterLayer = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.review.app..", "org.vetted.review.web..",
                    "org.vetted.review.store..", "org.vetted.review.messaging..", "org.vetted.review.config..");

    /** The use cases and their ports speak the domain's types: no adapter, no wire format, no framework. */
    @ArchTest
    static final ArchRule appSeesOnlyTheDomain = noClasses().that().resideInAPackage("org.vetted.review.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.review.web..",
                    "org.vetted.review.store..", "org.vetted.review.messaging..", "org.vetted.review.config..",
                    "org.apache.avro..", "org.vetted.events..", "org.apache.kafka..", "org.springframework..",
                    "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..", "jakarta..");

    @ArchTest
    static final ArchRule webUsesNoOtherAdapter = noClasses().that().resideInAPackage("org.vetted.review.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.review.store..",
                    "org.vetted.review.messaging..");

    @ArchTest
    static final ArchRule storeUsesNoOtherAdapter = noClasses().that().resideInAPackage("org.vetted.review.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.review.web..",
                    "org.vetted.review.messaging..");

    @ArchTest
    static final ArchRule messagingUsesNoOtherAdapter = noClasses().that()
            .resideInAPackage("org.vetted.review.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.review.web..",
                    "org.vetted.review.store..");

    /** Avro ends at the adapters that read and write it. */
    @ArchTest
    static final ArchRule avroStopsAtMessaging = noClasses().that().resideInAnyPackage("..web..", "..config..")
            .should().dependOnClassesThat().resideInAPackage("org.vetted.events..");

    /** Services share the contract and the support modules, never each other's code. */
    @ArchTest
    static final ArchRule noOtherService = noClasses().that().resideInAPackage("org.vetted.review..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.intake..", "org.vetted.rendering..",
                    "org.vetted.distribution..");
}
