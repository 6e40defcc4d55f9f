package org.vetted.support.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vetted.contract.EventsForTests;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.events.DraftSubmitted;

class SigningConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SigningConfiguration.class));

    @Test
    void aServiceThatNamesNoSigningIdentityGetsNoSignatures() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Signatures.class));
    }

    @Test
    void withoutItsKeysAServiceRefusesToStartAndSaysWhatToSet() {
        runner.withPropertyValues("vetted.signing.service=review").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SigningKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains(
                            "VETTED_SIGNING_KEY",
                            "VETTED_SIGNING_TRUSTED_INTAKE",
                            "VETTED_SIGNING_TRUSTED_DISTRIBUTION");
            assertThat(analysis.getAction()).contains("keygen", "'local' profile");
        });
    }

    @Test
    void aMalformedKeyIsRefusedWithoutBeingPrinted() {
        runner.withPropertyValues(
                        "vetted.signing.service=review",
                        "vetted.signing.key={\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"c2VjcmV0LXBhcnQ\"}",
                        "vetted.signing.trusted.intake=" + publicJwk(Issuer.INTAKE),
                        "vetted.signing.trusted.review=" + publicJwk(Issuer.REVIEW),
                        "vetted.signing.trusted.rendering=" + publicJwk(Issuer.RENDERING),
                        "vetted.signing.trusted.distribution=" + publicJwk(Issuer.DISTRIBUTION))
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new SigningKeyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).doesNotContain("c2VjcmV0LXBhcnQ");
                });
    }

    @Test
    void keysGivenAsJsonAndAsFilesSignAndVerify(@TempDir Path dir) throws Exception {
        SigningKey intake = SigningKey.generate(Issuer.INTAKE, "intake-2026-12");
        Path keyFile = Files.writeString(dir.resolve("intake.jwk.json"), intake.privateJwk());
        runner.withPropertyValues(
                        "vetted.signing.service=intake",
                        "vetted.signing.key=" + keyFile,
                        "vetted.signing.trusted.intake=" + intake.publicJwk().toJSONString(),
                        "vetted.signing.trusted.review=" + publicJwk(Issuer.REVIEW),
                        "vetted.signing.trusted.rendering=" + publicJwk(Issuer.RENDERING),
                        "vetted.signing.trusted.distribution=" + publicJwk(Issuer.DISTRIBUTION))
                .run(context -> {
                    Signatures signatures = context.getBean(Signatures.class);
                    DraftSubmitted draft = signatures.sign(EventsForTests.draft("a-1", "Vitamin D"));
                    assertThat(signatures.problem(draft)).isEmpty();
                    assertThat(DemoKeys.signaturesOf(Issuer.REVIEW).isSigned(draft))
                            .as("not signed with the demo key")
                            .isFalse();
                });
    }

    @Test
    void theLocalProfilesDemoKeysSignAsTheNamedService() {
        runner.withPropertyValues("vetted.signing.service=rendering", "vetted.signing.demo-keys=true")
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .run(context -> assertThat(context.getBean(Signatures.class).ownKey())
                        .get()
                        .satisfies(key -> assertThat(key.keyId()).isEqualTo("rendering-demo-1")));
    }

    @Test
    void theTestProfileMayUseTheDemoKeysToo() {
        runner.withPropertyValues("vetted.signing.service=intake", "vetted.signing.demo-keys=true")
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("test"))
                .run(context -> assertThat(context.getBean(Signatures.class).ownKey())
                        .get()
                        .satisfies(key -> assertThat(key.keyId()).isEqualTo("intake-demo-1")));
    }

    @Test
    void demoKeysAskedForWithoutAProfileAreRefused() {
        runner.withPropertyValues("vetted.signing.service=review", "vetted.signing.demo-keys=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(DemoKeysRefusedException.class);
                    FailureAnalysis analysis = new SigningKeyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("demo keys", "'local'");
                    assertThat(analysis.getAction())
                            .contains("VETTED_SIGNING_KEY", "VETTED_SIGNING_TRUSTED_", "keygen");
                });
    }

    @Test
    void demoKeysAskedForUnderAnotherProfileAreRefusedEvenWithRealKeysPresent() {
        SigningKey review = SigningKey.generate(Issuer.REVIEW, "review-2026-12");
        runner.withPropertyValues(
                        "vetted.signing.service=review",
                        "vetted.signing.demo-keys=true",
                        "vetted.signing.key=" + review.privateJwk(),
                        "vetted.signing.trusted.intake=" + publicJwk(Issuer.INTAKE),
                        "vetted.signing.trusted.review=" + review.publicJwk().toJSONString(),
                        "vetted.signing.trusted.rendering=" + publicJwk(Issuer.RENDERING),
                        "vetted.signing.trusted.distribution=" + publicJwk(Issuer.DISTRIBUTION))
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("prod", "localhost"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasRootCauseInstanceOf(DemoKeysRefusedException.class)
                            .rootCause()
                            .hasMessageContaining("[prod, localhost]");
                });
    }

    private static String publicJwk(Issuer issuer) {
        return DemoKeys.signingKey(issuer).publicJwk().toJSONString();
    }
}
