package org.vetted.support.observability;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import org.vetted.contract.Sha256;

/**
 * Guards {@code /actuator/prometheus} the same way on every service, whatever sign-in the service has (rendering and
 * distribution have none): a scraper sends {@code Authorization: Bearer <vetted.metrics.token>}. Without a configured
 * token the endpoint answers 404, so metrics are never public by accident; a wrong or missing token answers 401.
 * Compared as SHA-256 digests in constant time, so neither the token's length nor its prefix leaks through timing.
 */
public final class MetricsToken implements Filter {
    /** The least a token may have, so a placeholder like "x" is not taken for a secret. */
    static final int MIN_LENGTH = 16;

    private final byte[] expected;

    /** @param token the configured token, or null/blank when metrics are off */
    public MetricsToken(String token) {
        this.expected = token == null || token.isBlank() ? null : digest(token.strip());
    }

    /** Whether a token long enough to be a secret is configured. */
    public static boolean isUsable(String token) {
        return token != null && token.strip().length() >= MIN_LENGTH;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (expected == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String header = request.getHeader("Authorization");
        String offered = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : "";
        if (!MessageDigest.isEqual(expected, digest(offered))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(req, res);
    }

    private static byte[] digest(String text) {
        return Sha256.of(text);
    }
}
