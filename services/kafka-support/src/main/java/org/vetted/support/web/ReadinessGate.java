package org.vetted.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.vetted.support.projection.ProjectionReadiness;

/**
 * Holds requests with 503 and {@code Retry-After: 2} until a service's projection has caught up with the topics:
 * before that, reads would answer from a half-built view and writes could reuse what the view does not know yet.
 * One gate for every service, so that no path a service serves is left out by one copy drifting from the others.
 * <p>
 * Paths registered with {@link #answeringProblems} get an {@code application/problem+json} body, written here rather
 * than through an exception handler so that it is the same whatever the Accept header (a browser asking for HTML
 * would otherwise get 406). Paths registered with {@link #answeringPages} go through {@code sendError}: the
 * service's own error page, so a person at a browser sees a page rather than JSON, with the same status and header.
 * <p>
 * An interceptor, not a filter: it runs after sign-in, so a stranger still gets 401 first, and actuator paths stay
 * out of it unless a service lists them.
 */
public final class ReadinessGate implements HandlerInterceptor {
    public static final int RETRY_AFTER_SECONDS = 2;
    public static final String TITLE = "Starting up: replaying article history";

    private final ProjectionReadiness readiness;
    private final String detail;
    private final String problem;
    private final List<String> problemPaths;
    private final List<String> pagePaths;

    private ReadinessGate(
            ProjectionReadiness readiness, String detail, List<String> problemPaths, List<String> pagePaths) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.problem = "{\"type\":\"about:blank\",\"title\":\"" + json(TITLE) + "\",\"status\":503,\"detail\":\""
                + json(detail) + "\"}";
        this.problemPaths = List.copyOf(problemPaths);
        this.pagePaths = List.copyOf(pagePaths);
    }

    /** A gate whose 503 carries {@code detail}, the sentence a client reads; paths are added with the builders. */
    public static ReadinessGate of(ProjectionReadiness readiness, String detail) {
        return new ReadinessGate(readiness, detail, List.of(), List.of());
    }

    /** Also guards these path patterns (Spring MVC's), answering problem+json. */
    public ReadinessGate answeringProblems(String... pathPatterns) {
        return new ReadinessGate(readiness, detail, concat(problemPaths, pathPatterns), pagePaths);
    }

    /** Also guards these path patterns, answering through the service's error page. */
    public ReadinessGate answeringPages(String... pathPatterns) {
        return new ReadinessGate(readiness, detail, problemPaths, concat(pagePaths, pathPatterns));
    }

    /** Registers the gate for each of its paths; call from a {@code WebMvcConfigurer}. */
    public void registerWith(InterceptorRegistry registry) {
        if (problemPaths.isEmpty() && pagePaths.isEmpty()) {
            throw new IllegalStateException("a readiness gate that guards no path");
        }
        if (!problemPaths.isEmpty()) {
            registry.addInterceptor(this).addPathPatterns(problemPaths);
        }
        if (!pagePaths.isEmpty()) {
            registry.addInterceptor(new PageGate(this)).addPathPatterns(pagePaths);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (readiness.isCaughtUp()) {
            return true;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem);
        return false;
    }

    private record PageGate(ReadinessGate gate) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (gate.readiness.isCaughtUp()) {
                return true;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return false;
        }
    }

    private static List<String> concat(List<String> paths, String... more) {
        return Stream.concat(paths.stream(), Arrays.stream(more)).toList();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
