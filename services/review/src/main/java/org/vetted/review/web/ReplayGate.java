package org.vetted.review.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vetted.support.projection.ProjectionReadiness;
import org.vetted.support.web.ReadinessGate;

/**
 * Until the review board has caught up with the article history (the stored board reached where the logs ended when
 * this instance joined), every /api/** request and every reviewer page (reads and writes alike) is answered 503 with
 * Retry-After: a board behind the logs could show a returned or superseded revision as open, and a decision taken on
 * it would be taken on the wrong text. The API gets problem+json, a page the error page. Runs after sign-in, so
 * 401/403 come first; the sign-in page, static assets and /actuator/health stay reachable.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayGate implements WebMvcConfigurer {
    private final ReadinessGate gate;

    public ReplayGate(ProjectionReadiness readiness) {
        this.gate = ReadinessGate.of(
                        readiness,
                        "The review board is being rebuilt from the article history; try again in a few seconds.")
                .answeringProblems("/api/**")
                .answeringPages("/", "/reviews/**", "/claims/**");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        gate.registerWith(registry);
    }
}
