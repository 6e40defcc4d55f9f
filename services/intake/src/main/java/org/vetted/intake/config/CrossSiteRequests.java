package org.vetted.intake.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses writes to the JSON API that a browser sends on another site's behalf. The API takes no cookies, but a
 * browser that once answered a Basic prompt resends those credentials, and an HTML form on any site may POST
 * {@code text/plain} to {@code /api/drafts}. Browsers say where such a request comes from ({@code Sec-Fetch-Site},
 * {@code Origin}); API clients (curl, services) send neither, so they are not affected.
 */
final class CrossSiteRequests extends OncePerRequestFilter {
    private final JsonMapper json;

    CrossSiteRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isSafe(request.getMethod()) && isCrossSite(request)) {
            SecurityConfiguration.problem(
                    json,
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "Cross-site request",
                    "Requests from another site's pages are not accepted; use the API from your own client.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            int port = from.getPort() != -1 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            return from.getHost() == null
                    || !from.getHost().equalsIgnoreCase(request.getServerName())
                    || port != request.getServerPort();
        } catch (IllegalArgumentException e) {
            return true; // "null" (sandboxed frames, file:) or garbage
        }
    }

    private static boolean isSafe(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }
}
