package org.vetted.web.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Whom a bearer token must be issued by and for, the same rule in every service that accepts tokens (intake, review).
 * Spring Boot's decoder checks the signature and the expiry; this adds the issuer and the audience, both required:
 * without them a token the same issuer made for any other application would be accepted.
 */
public final class BearerTokens {
    public static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /**
     * {@code vetted.security.jwt}: the audience ({@code aud}) tokens for this service carry, and the issuer
     * ({@code iss}); {@code issuer} defaults to {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
     * {@code accept-unknown-subjects} (false): a token whose subject no configured user lists is accepted as a user
     * of that name instead of refused ({@link TokenSubjects}); without configured users it is always accepted.
     */
    @ConfigurationProperties("vetted.security.jwt")
    public record Properties(String audience, String issuer, boolean acceptUnknownSubjects) {}

    /**
     * The decoder Spring Boot built (signature, expiry), plus: {@code iss} is the configured issuer and {@code aud}
     * names this service. Without an audience or an issuer the service does not start.
     */
    public static JwtDecoder issuedByAndFor(JwtDecoder decoder, Properties tokens, String issuerUri) {
        String audience = tokens.audience() == null ? "" : tokens.audience().strip();
        String issuer = tokens.issuer() != null && !tokens.issuer().isBlank()
                ? tokens.issuer().strip()
                : issuerUri == null ? "" : issuerUri.strip();
        if (audience.isEmpty()) {
            throw new IllegalStateException("Bearer tokens are on (" + ISSUER_URI + " or jwk-set-uri is set) but "
                    + "vetted.security.jwt.audience is not: set it to the audience (aud) the issuer puts in tokens for "
                    + "this service. Without it a token the issuer made for any other application would be accepted.");
        }
        if (issuer.isEmpty()) {
            throw new IllegalStateException("Bearer tokens are on but no issuer is known: set " + ISSUER_URI
                    + " or vetted.security.jwt.issuer to the iss value of the tokens to accept.");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(issuer),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "invalid_token", "The token is not issued for this service (aud)", null)));
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = validator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("the token is not issued by and for this service", result.getErrors());
            }
            return jwt;
        };
    }

    /** The decoder Spring Boot built, checked as {@link #issuedByAndFor} says; null when bearer tokens are off. */
    public static JwtDecoder ifOn(ObjectProvider<JwtDecoder> decoder, Properties tokens, Environment environment) {
        JwtDecoder built = decoder.getIfAvailable();
        return built == null ? null : issuedByAndFor(built, tokens, environment.getProperty(ISSUER_URI));
    }

    private BearerTokens() {}
}
