package org.vetted.rendering.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.Seals;
import org.vetted.rendering.domain.ApprovalBinding;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.MedicalReviewByline;

/**
 * Builds the domain by hand: one renderer (parser, HTML renderer and sanitizer policy built once), and the
 * {@link Seals} that verify approvals and seal rendered HTML.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RenderingProperties.class)
public class RenderingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ArticleRenderer articleRenderer(RenderingProperties properties) {
        return new ArticleRenderer(ApprovalBinding.defaults(), new MedicalReviewByline(properties.bylineZone()));
    }

    /**
     * The seals keyed with {@code vetted.seal.key} (env {@code VETTED_SEAL_KEY}), shared with review and
     * distribution. No key, or one shorter than 32 bytes, stops the service at start.
     */
    @Bean
    Seals seals(@Value("${vetted.seal.key:}") String key) {
        if (key.isBlank()) {
            throw new SealKeyMissingException("vetted.seal.key (env VETTED_SEAL_KEY) is not set");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new SealKeyMissingException("vetted.seal.key (env VETTED_SEAL_KEY) is shorter than 32 bytes");
        }
        return Seals.withSecret(key);
    }
}
