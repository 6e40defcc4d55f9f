package org.vetted.distribution.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vetted.support.projection.ProjectionReadiness;
import org.vetted.support.web.ReadinessGate;

/**
 * Holds the front page, every page, the feed and the JSON API until the page store has caught up with article.published: before
 * that a published article would answer 404 and the feed would miss articles. Answers 503 problem+json with
 * Retry-After: 2 whatever the Accept header, readers' pages included (the contract clients and the
 * rolling restart rely on);
 * /actuator/health is not behind it (it reports OUT_OF_SERVICE meanwhile).
 */
@Configuration(proxyBeanMethods = false)
class ReplayGate implements WebMvcConfigurer {
    private final ReadinessGate gate;

    ReplayGate(ProjectionReadiness readiness) {
        this.gate = ReadinessGate.of(
                        readiness,
                        "The published articles are being loaded from the article history; try again in a few seconds.")
                .answeringProblems(
                        "/", "/articles/**", "/feed.json", "/feed.atom", "/sitemap.xml", "/sitemaps/**", "/api/**");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        gate.registerWith(registry);
    }
}
