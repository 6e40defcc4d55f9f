package org.vetted.intake.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.web.signin.BearerTokens;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.SignInChains;
import org.vetted.web.signin.SignInPage;
import org.vetted.web.signin.SignInThrottle;
import org.vetted.web.signin.TokenSubjects;
import org.vetted.web.signin.UsersProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's two ways in, on the shared sign-in ({@link SignInChains}). The JSON API ({@code /api/**}): HTTP Basic
 * over the configured accounts and/or bearer tokens mapped by {@link SignedInAccounts}; health open, 401 and 403 as
 * application/problem+json, browsers from other sites refused. The writers' pages: form sign-in with a session and
 * CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    UserDetailsService userDetailsService(UsersProperties properties, Accounts accounts) {
        // Accounts has already validated every user (roles, reviewer credentials).
        return SignInChains.passwords(properties, Role.class);
    }

    /** Which configured user a bearer token's subject is ({@code vetted.security.users[*].subjects}). */
    @Bean
    SignedInAccounts signedInAccounts(
            UsersProperties properties, Accounts accounts, JwtClaimsProperties claims, BearerTokens.Properties tokens) {
        return new SignedInAccounts(accounts, TokenSubjects.of(properties, tokens), claims);
    }

    /** The sign-in page; with bearer tokens only there is no password to sign in with, and it says so. */
    @Bean
    SignInPage signInPage(Accounts accounts) {
        return new SignInPage(() -> !accounts.all().isEmpty());
    }

    /** The JSON API: HTTP Basic or bearer tokens, no cookies, so no CSRF; browsers from other sites are refused. */
    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            JsonMapper json,
            Accounts accounts,
            ObjectProvider<JwtDecoder> jwtDecoder,
            SignedInAccounts signedIn,
            BearerTokens.Properties tokens,
            Environment environment,
            SignInThrottle throttle)
            throws Exception {
        SignInChains.api(
                        http,
                        !accounts.all().isEmpty(),
                        BearerTokens.ifOn(jwtDecoder, tokens, environment),
                        signedIn,
                        throttle,
                        (request, response, e) -> problem(
                                json,
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "Send HTTP Basic credentials of a configured account or "
                                        + "a bearer token of the configured issuer."),
                        (request, response, e) -> problem(
                                json,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "Forbidden",
                                "Your account's roles do not allow this request."))
                .addFilterBefore(new CrossSiteRequests(json), AuthorizationFilter.class)
                .requestCache(cache -> cache.disable())
                // /actuator/prometheus is guarded by kafka-support's MetricsToken before this chain runs.
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                                .permitAll()
                                .requestMatchers(HttpMethod.POST, "/api/drafts")
                                .hasAnyRole("WRITER", "EDITOR")
                                .requestMatchers("/api/**")
                                .authenticated()
                                .anyRequest()
                                .denyAll());
        return http.build();
    }

    /** The writers' pages (the policy keeps the preview, HTML made from a writer's text, from running anything). */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SignInChains.pages(http, throttle)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/css/**", "/error")
                        .permitAll()
                        .requestMatchers("/", "/drafts/**", "/articles/**")
                        .hasAnyRole("WRITER", "EDITOR")
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    static void problem(
            JsonMapper json,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
