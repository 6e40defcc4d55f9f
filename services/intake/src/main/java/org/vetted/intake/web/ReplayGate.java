package org.vetted.intake.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vetted.support.projection.ProjectionReadiness;

/**
 * Holds every /api/** request and every page, reads and writes alike, until the article view has caught up with the
 * article topics as they stood at start: before that the registry could hand out an existing revision number or slug,
 * and reads would show a half-built status. Answers
 * 503 problem+json with Retry-After: 2. Runs after authentication (a stranger still gets 401);
 * /actuator/health is not behind it.
 */
@Configuration(proxyBeanMethods = false)
class ReplayGate implements WebMvcConfigurer, HandlerInterceptor {
    static final int RETRY_AFTER_SECONDS = 2;

    private final ProjectionReadiness readiness;

    ReplayGate(ProjectionReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/", "/drafts/**", "/articles/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (!readiness.isCaughtUp() && !request.getRequestURI().startsWith("/api/")) {
            // A page: the error page says it, with the same status.
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return false;
        }
        if (!readiness.isCaughtUp()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Starting up: replaying article history",
                    "Intake is rebuilding its view of the articles from Kafka; try again in a moment.", List.of(),
                    RETRY_AFTER_SECONDS);
        }
        return true;
    }
}
