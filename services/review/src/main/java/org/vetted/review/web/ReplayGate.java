package org.vetted.review.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vetted.support.projection.ProjectionReadiness;

/**
 * Until the review board has caught up with the article history (the stored board reached where the logs ended when
 * this instance joined), every /api/** request (reads and writes alike) is answered 503 with Retry-After: a board
 * behind the logs could show a returned or superseded revision as open.
 * Runs after sign-in, so 401/403 come first; /actuator/health is not under /api and stays reachable.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayGate implements WebMvcConfigurer {
    private final ProjectionReadiness readiness;

    public ReplayGate(ProjectionReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!readiness.isCaughtUp()) {
                    throw new StillReplayingException();
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /** Answered 503 by {@link ProblemAdvice}. */
    static final class StillReplayingException extends RuntimeException {
        StillReplayingException() {
            super("the review board is still replaying the article history");
        }
    }
}
