package org.vetted.house;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The architecture rules of every service, one set for all: a service's test runs them with
 * {@code @ArchTest static final ArchTests HOUSE = ArchTests.in(HouseRules.class)} under
 * {@code @AnalyzeClasses(packages = "org.vetted.<service>", importOptions = DoNotIncludeTests.class)}.
 * <p>
 * The layers, inside out: {@code domain} (the rules, plain Java), {@code app} (the use cases and the ports they
 * need), and the adapters {@code store}, {@code messaging} and {@code web}; {@code config} wires them and may see
 * everything. A rule about a layer a service does not have passes: rendering has no store and no pages.
 */
public final class HouseRules {
    static final String DOMAIN = "..domain..";
    static final String APP = "..app..";
    static final String STORE = "..store..";
    static final String MESSAGING = "..messaging..";
    static final String WEB = "..web..";
    static final String CONFIG = "..config..";
    /** The Avro classes of the contract: what arrives from and leaves for Kafka, never past the adapters. */
    static final String AVRO = "org.vetted.events..";

    static final List<String> SERVICES = List.of("intake", "review", "rendering", "distribution");

    /** Every class in a layer under its house name; only the application class itself sits at the root. */
    @ArchTest
    public static final ArchRule everyClassInANamedLayer = classes()
            .that()
            .areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
            .should()
            .resideInAnyPackage(DOMAIN, APP, STORE, MESSAGING, WEB, CONFIG)
            .because("every service has the same rooms under the same names");

    /** The rules can be read, tested and changed without a framework, a broker or a database. */
    @ArchTest
    public static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "org.apache.avro..",
                    AVRO,
                    "java.sql..",
                    "javax.sql..",
                    "jakarta..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "org.vetted.support..",
                    "org.vetted.web..")
            .allowEmptyShould(true);

    /** The domain knows nothing of the use cases or adapters around it. */
    @ArchTest
    public static final ArchRule domainLooksInwardOnly = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APP, STORE, MESSAGING, WEB, CONFIG)
            .allowEmptyShould(true);

    /**
     * Use cases see the domain, their ports and the JDK, nothing else: which database, broker or web framework sits
     * behind a port is config's choice, and the adapters come to the use cases, never the other way.
     */
    @ArchTest
    public static final ArchRule appSeesOnlyTheDomainAndItsPorts = classes()
            .that()
            .resideInAPackage(APP)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, APP, "java..", "org.slf4j..")
            .because("use cases and their ports speak domain types")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule webCallsNoOtherAdapter = adapterCallsNoOther(WEB, STORE, MESSAGING);

    @ArchTest
    public static final ArchRule storeCallsNoOtherAdapter = adapterCallsNoOther(STORE, WEB, MESSAGING);

    @ArchTest
    public static final ArchRule messagingCallsNoOtherAdapter = adapterCallsNoOther(MESSAGING, WEB, STORE);

    /** Avro is the wire's form: it is read and written at the messaging and store edges only. */
    @ArchTest
    public static final ArchRule avroStaysAtTheEdges = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APP, WEB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(AVRO)
            .allowEmptyShould(true);

    /** Services talk through topics and HTTP, never through each other's classes. */
    @ArchTest
    public static final ArchRule noServiceImportsAnother = noServiceImportsAnother();

    private HouseRules() {}

    /**
     * For a service whose domain needs a few value types of the contract (the content hash, say) and nothing else of
     * it: serde, topics and signatures are the messaging layer's business.
     */
    public static ArchRule domainUsesOfTheContractOnly(Class<?>... types) {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.alwaysFalse();
        for (Class<?> type : types) {
            allowed = allowed.or(JavaClass.Predicates.type(type));
        }
        return noClasses()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.vetted.contract..")
                        .and(DescribedPredicate.not(allowed)))
                .because("dead-lettering, serde and signatures are the messaging layer's business");
    }

    private static ArchRule adapterCallsNoOther(String adapter, String... others) {
        return noClasses()
                .that()
                .resideInAPackage(adapter)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("adapters meet only through the use cases and ports of app")
                .allowEmptyShould(true);
    }

    private static ArchRule noServiceImportsAnother() {
        List<ArchRule> rules = SERVICES.stream()
                .map(service -> (ArchRule) noClasses()
                        .that()
                        .resideInAPackage("org.vetted." + service + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(SERVICES.stream()
                                .filter(other -> !other.equals(service))
                                .map(other -> "org.vetted." + other + "..")
                                .toArray(String[]::new))
                        .allowEmptyShould(true))
                .toList();
        return CompositeArchRule.of(rules);
    }
}
