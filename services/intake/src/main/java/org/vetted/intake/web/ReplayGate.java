package org.vetted.intake.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vetted.support.projection.ProjectionReadiness;
import org.vetted.support.web.ReadinessGate;

/**
 * Holds every /api/** request and every page, reads and writes alike, until the article view has caught up with the
 * article topics as they stood at start: before that the registry could hand out an existing revision number or slug,
 * and reads would show a half-built status. The API answers 503 problem+json, a page the error page, both with
 * Retry-After: 2; /actuator/health is not behind it.
 */
@Configuration(proxyBeanMethods = false)
class ReplayGate implements WebMvcConfigurer {
    private final ReadinessGate gate;

    ReplayGate(ProjectionReadiness readiness) {
        this.gate = ReadinessGate.of(
                        readiness, "Intake is rebuilding its view of the articles from Kafka; try again in a moment.")
                .answeringProblems("/api/**")
                .answeringPages("/", "/drafts/**", "/articles/**");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        gate.registerWith(registry);
    }
}
