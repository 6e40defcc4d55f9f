package org.vetted.web.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetted.security.jwt-claims}: the claims of a bearer token read when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) is set. Who the caller is
 * comes from {@code subject} alone (mapped to a configured user); no name claim is read, because many issuers let
 * users edit their name and a name must not change who someone is.
 */
@ConfigurationProperties("vetted.security.jwt-claims")
public record JwtClaimsProperties(String subject, String roles, String credential) {
    public JwtClaimsProperties {
        subject = orDefault(subject, "sub");
        roles = orDefault(roles, "roles");
        credential = orDefault(credential, "credential");
    }

    public static JwtClaimsProperties defaults() {
        return new JwtClaimsProperties(null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
