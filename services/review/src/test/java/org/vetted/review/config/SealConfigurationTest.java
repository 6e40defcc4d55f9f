package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vetted.contract.Seals;
import org.vetted.contract.spring.SealKeyFailureAnalyzer;
import org.vetted.contract.spring.SealsConfiguration;

class SealConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SealsConfiguration.class);

    @Test
    void withoutAKeyTheServiceRefusesToStartAndSaysWhatToSet() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SealKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("no seal key is configured");
            assertThat(analysis.getAction()).contains("VETTED_SEAL_KEY", "'local' profile");
        });
    }

    @Test
    void aKeyShorterThan32BytesIsRefusedWithoutBeingPrinted() {
        runner.withPropertyValues("vetted.seal.key=short-secret-31-bytes-long-xxxx").run(context -> {
            FailureAnalysis analysis = new SealKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("too short", "32 bytes")
                    .doesNotContain("short-secret");
        });
    }

    @Test
    void theLocalProfileSetsTheDemoKeyEveryServiceShares() {
        runner.withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.profiles.active=local")
                .run(context -> {
                    assertThat(context).hasSingleBean(Seals.class);
                    assertThat(context.getEnvironment().getProperty("vetted.seal.key"))
                            .isEqualTo("local-demo-seal-key-do-not-use-in-production-0001");
                });
    }
}
