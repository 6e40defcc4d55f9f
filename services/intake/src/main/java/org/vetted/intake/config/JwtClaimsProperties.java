package org.vetted.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetted.security.jwt-claims}: the claims of a bearer token that name the account, read when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) is set. The same shape in
 * intake and review. The username falls back to {@code sub}, the display name to the username.
 */
@ConfigurationProperties("vetted.security.jwt-claims")
public record JwtClaimsProperties(String username, String displayName, String roles, String credential) {
    public JwtClaimsProperties {
        username = orDefault(username, "preferred_username");
        displayName = orDefault(displayName, "name");
        roles = orDefault(roles, "roles");
        credential = orDefault(credential, "credential");
    }

    public static JwtClaimsProperties defaults() {
        return new JwtClaimsProperties(null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
