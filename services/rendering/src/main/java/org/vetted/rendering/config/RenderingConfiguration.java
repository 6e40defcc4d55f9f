package org.vetted.rendering.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.signing.Signatures;
import org.vetted.rendering.app.RenderApprovedArticle;
import org.vetted.rendering.domain.ApprovalBinding;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.MedicalReviewByline;
import org.vetted.support.signing.Seals;

/**
 * Builds the domain and the use case by hand: one renderer (parser, HTML renderer and sanitizer policy built once).
 * The signatures that verify approvals and sign rendered HTML come with the contract ({@code vetted.signing.*}).
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

    @Bean
    RenderApprovedArticle renderApprovedArticle(ArticleRenderer renderer, Clock clock) {
        return new RenderApprovedArticle(renderer, clock);
    }

    @Bean
    Seals seals(Signatures signatures) {
        return new Seals(signatures);
    }
}
