package org.vetted.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers: {@code domain} (rules in plain Java), {@code app} (use cases and the ports they need), the adapters
 * {@code web}, {@code store} and {@code messaging}, and {@code config}, which wires them and is exempt like the
 * application class.
 */
@AnalyzeClasses(packages = "org.vetted.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String DOMAIN = "org.vetted.intake.domain..";
    private static final String APP = "org.vetted.intake.app..";
    private static final String WEB = "org.vetted.intake.web..";
    private static final String STORE = "org.vetted.intake.store..";
    private static final String MESSAGING = "org.vetted.intake.messaging..";
    private static final String CONFIG = "org.vetted.intake.config..";

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "org.vetted.events..", "java.sql..", "javax.sql..", "tools.jackson..",
                    "com.fasterxml..");

    /** The rules know nothing of who calls them: no use case, adapter or wiring. */
    @ArchTest
    static final ArchRule domainDependsOnNoOtherLayer = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APP, WEB, STORE, MESSAGING, CONFIG);

    @ArchTest
    static final ArchRule webUsesNoOtherAdapter = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(STORE, MESSAGING);

    @ArchTest
    static final ArchRule storeUsesNoOtherAdapter = noClasses().that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, MESSAGING);

    @ArchTest
    static final ArchRule messagingUsesNoOtherAdapter = noClasses().that().resideInAPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, STORE);

    /**
     * Use cases and ports: the domain, themselves and the JDK, plus SLF4J for their log lines; no Spring, Avro or
     * adapter. Ports carry domain types, so an adapter can be swapped without touching them.
     */
    @ArchTest
    static final ArchRule appDependsOnDomainAndJdkOnly = classes().that().resideInAPackage(APP)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, APP, "java..", "org.slf4j..");

    /** The Avro contract is mapped in messaging; the store keeps domain events as its own JSON. */
    @ArchTest
    static final ArchRule avroStopsAtMessaging = noClasses().that()
            .resideInAnyPackage(WEB, STORE, APP, CONFIG)
            .should().dependOnClassesThat().resideInAPackage("org.vetted.events..");

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("org.vetted.intake..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vetted.review..", "org.vetted.rendering..",
                    "org.vetted.distribution..");
}
