package org.vetted.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.vetted.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Frameworks and wire formats stay out; a plain library is fine (java-diff-utils, for WordDiff). */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.vetted.events..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..");

    @ArchTest
    static final ArchRule avroStopsAtMessaging = noClasses().that().resideInAnyPackage("..web..", "..config..")
            .should().dependOnClassesThat().resideInAPackage("org.vetted.events..");
}
