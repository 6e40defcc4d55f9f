package org.vetted.rendering.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.vetted.contract.Seals;
import org.vetted.contract.spring.SealsConfiguration;
import org.vetted.rendering.domain.ApprovalBinding;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.MedicalReviewByline;

/**
 * Builds the domain by hand: one renderer (parser, HTML renderer and sanitizer policy built once), and the
 * {@link Seals} that verify approvals and seal rendered HTML.
 */
@Configuration(proxyBeanMethods = false)
@Import(SealsConfiguration.class)
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
}
