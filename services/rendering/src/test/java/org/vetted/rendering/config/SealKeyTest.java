package org.vetted.rendering.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.vetted.contract.Seals;
import org.vetted.contract.spring.SealKeyFailureAnalyzer;

class SealKeyTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(RenderingConfiguration.class);

    @Test
    void serviceDoesNotStartWithoutASealKey() {
        context.run(started -> {
            assertThat(started).hasFailed();
            FailureAnalysis analysis = new SealKeyFailureAnalyzer().analyze(started.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("vetted.seal.key", "VETTED_SEAL_KEY", "not set");
            assertThat(analysis.getAction()).contains("VETTED_SEAL_KEY", "32 bytes", "local");
        });
    }

    @Test
    void serviceDoesNotStartWithAShortSealKey() {
        context.withPropertyValues("vetted.seal.key=only-31-bytes-long-0123456789ab").run(started -> {
            assertThat(started).hasFailed();
            assertThat(new SealKeyFailureAnalyzer().analyze(started.getStartupFailure()).getDescription())
                    .contains("shorter than 32 bytes")
                    .doesNotContain("only-31-bytes");
        });
    }

    @Test
    void sealKeyOf32BytesBuildsTheSeals() {
        context.withPropertyValues("vetted.seal.key=exactly-32-bytes-long-0123456789")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(Seals.class));
    }

    @Test
    void localProfileCarriesTheSharedDemoKey() throws IOException {
        PropertySource<?> local = new YamlPropertySourceLoader()
                .load("local", new ClassPathResource("application-local.yml")).get(0);

        assertThat(local.getProperty("vetted.seal.key"))
                .hasToString("local-demo-seal-key-do-not-use-in-production-0001");
    }
}
