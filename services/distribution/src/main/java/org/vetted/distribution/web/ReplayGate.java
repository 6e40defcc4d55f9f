package org.vetted.distribution.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vetted.support.projection.ProjectionReadiness;

/**
 * Holds every page, the feed and the JSON API until the page store has caught up with article.published: before
 * that a published article would answer 404 and the feed would miss articles. Answers 503 problem+json
 * with Retry-After: 2; /actuator/health is not behind it (it reports OUT_OF_SERVICE meanwhile).
 */
@Configuration(proxyBeanMethods = false)
class ReplayGate implements WebMvcConfigurer, HandlerInterceptor {
    static final String RETRY_AFTER_SECONDS = "2";
    static final String STILL_REPLAYING = "{\"type\":\"about:blank\",\"title\":\"Starting up: replaying article "
            + "history\",\"status\":503,\"detail\":\"The published articles are being loaded from the article "
            + "history; try again in a few seconds.\"}";

    private final ProjectionReadiness readiness;

    ReplayGate(ProjectionReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/articles/**", "/feed.json", "/api/**");
    }

    /**
     * Written here rather than through an exception handler, so that it is the same for every Accept header
     * (a browser asking for text/html would otherwise get 406 instead of the problem).
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (readiness.isCaughtUp()) {
            return true;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(STILL_REPLAYING);
        return false;
    }
}
