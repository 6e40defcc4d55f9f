package org.vetted.review.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.vetted.contract.spring.BearerTokens;
import org.vetted.review.domain.Staff;

/**
 * HTTP Basic over the configured staff and, when Spring Boot has a {@link JwtDecoder} (issuer-uri or jwk-set-uri
 * set), bearer tokens mapped by {@link SignedInActors}; either or both. Stateless, CSRF off (a JSON API without
 * cookies). 401 and 403 are answered as problem+json by the same exception handler as every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtClaimsProperties.class, BearerTokens.Properties.class})
public class SecurityConfiguration {

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
            BearerTokens.Properties tokens, Environment environment) throws Exception {
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
            JwtDecoder decoder = BearerTokens.issuedByAndFor(jwtDecoder.getObject(), tokens, environment.getProperty(BearerTokens.ISSUER_URI));
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
}
