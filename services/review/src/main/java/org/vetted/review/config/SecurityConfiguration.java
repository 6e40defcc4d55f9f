package org.vetted.review.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.vetted.review.domain.Staff;

/**
 * HTTP Basic over the configured staff and, when Spring Boot has a {@link JwtDecoder} (issuer-uri or jwk-set-uri
 * set), bearer tokens mapped by {@link SignedInActors}; either or both. Stateless, CSRF off (a JSON API without
 * cookies). 401 and 403 are answered as problem+json by the same exception handler as every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtClaimsProperties.class, SecurityConfiguration.BearerTokenProperties.class})
public class SecurityConfiguration {
    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /**
     * {@code vetted.security.jwt}: whom a bearer token must be issued by and for. Both are required once bearer
     * tokens are on: a signature and an expiry alone would accept a token the same issuer made for any other
     * application. {@code issuer} defaults to {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
     */
    @ConfigurationProperties("vetted.security.jwt")
    public record BearerTokenProperties(String audience, String issuer) {
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignedInActors signedInActors(Staff staff, JwtClaimsProperties claims) {
        return new SignedInActors(staff, claims);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Staff staff, ObjectProvider<JwtDecoder> jwtDecoder,
            SignedInActors signedIn, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            BearerTokenProperties tokens, Environment environment) throws Exception {
        boolean basic = !staff.isEmpty();
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"vetted\"");
            }
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            problems.resolveException(request, response, null, failure);
        };
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.realmName("vetted").authenticationEntryPoint(unauthorized));
        }
        if (bearer) {
            JwtDecoder decoder = issuedByAndFor(jwtDecoder.getObject(), tokens, environment.getProperty(ISSUER_URI));
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(signedIn)));
        }
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) ->
                                problems.resolveException(request, response, null, denied)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/**")
                                .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/reviews/**").hasRole("MEDICAL_REVIEWER")
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The decoder Spring Boot built (signature, expiry), plus: {@code iss} is the configured issuer and {@code aud}
     * names this service. Without an audience or an issuer the service does not start.
     */
    static JwtDecoder issuedByAndFor(JwtDecoder decoder, BearerTokenProperties tokens, String issuerUri) {
        String audience = tokens.audience() == null ? "" : tokens.audience().strip();
        String issuer = tokens.issuer() != null && !tokens.issuer().isBlank() ? tokens.issuer().strip()
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
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                "The token is not issued for this service (aud)", null)));
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = validator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("the token is not issued by and for this service", result.getErrors());
            }
            return jwt;
        };
    }
}
