package org.vetted.rendering.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.rendering.domain.ApprovalBinding;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.MedicalReviewByline;

/**
 * Builds the domain by hand: one renderer (parser, HTML renderer and sanitizer policy built once). The signatures
 * that verify approvals and sign rendered HTML come with the contract ({@code vetted.signing.*}).
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
}
