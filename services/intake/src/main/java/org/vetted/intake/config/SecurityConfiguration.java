package org.vetted.intake.config;

import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.vetted.support.security.BearerTokens;
import org.vetted.support.security.TokenSubjects;
import org.vetted.support.web.SignInThrottle;
import org.vetted.intake.domain.accounts.Accounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in. The JSON API ({@code /api/**}): HTTP Basic over the configured accounts and, when Spring Boot has a
 * {@link JwtDecoder} (issuer-uri or jwk-set-uri set), bearer tokens mapped by {@link SignedInAccounts}; either or
 * both. Stateless, no CSRF (no cookies), health open, 401 and 403 as application/problem+json. The pages: form
 * sign-in with a session and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtClaimsProperties.class, BearerTokens.Properties.class,
        SignInThrottle.Properties.class})
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(SecurityUsersProperties properties, Accounts accounts) {
        // Accounts has already validated every user (roles, reviewer credentials).
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(TokenSubjects.canonical(user.username()))
                        .password(user.password())
                        .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .toArray(UserDetails[]::new));
    }

    /** Failed password sign-ins, counted for the form and for Basic together (in memory, per instance). */
    @Bean
    SignInThrottle signInThrottle(SignInThrottle.Properties properties) {
        return new SignInThrottle(properties, InstantSource.system());
    }

    /** Which configured user a bearer token's subject is ({@code vetted.security.users[*].subjects}). */
    @Bean
    SignedInAccounts signedInAccounts(SecurityUsersProperties properties, Accounts accounts, JwtClaimsProperties claims,
                                      BearerTokens.Properties tokens) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        properties.users().forEach(user -> subjects.put(user.username(), user.subjects()));
        return new SignedInAccounts(accounts, new TokenSubjects(subjects, tokens.acceptUnknownSubjects()), claims);
    }

    /** The JSON API: HTTP Basic or bearer tokens, no cookies, so no CSRF; browsers from other sites are refused. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, Accounts accounts,
                            ObjectProvider<JwtDecoder> jwtDecoder, SignedInAccounts signedIn,
                            BearerTokens.Properties tokens, Environment environment,
                            SignInThrottle throttle) throws Exception {
        boolean basic = !accounts.all().isEmpty();
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"vetted\"");
            }
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            problem(json, request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send HTTP Basic credentials of a configured account or a bearer token of the configured issuer.");
        };
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.realmName("vetted").authenticationEntryPoint(unauthorized))
                    .addFilterBefore(throttle.guard(SignInThrottle.basic(), SignInThrottle.problemJson()),
                            BasicAuthenticationFilter.class);
        }
        if (bearer) {
            JwtDecoder decoder = BearerTokens.issuedByAndFor(jwtDecoder.getObject(), tokens,
                    environment.getProperty(BearerTokens.ISSUER_URI));
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(signedIn)));
        }
        http.securityMatcher("/api/**", "/actuator/**")
                .addFilterBefore(new CrossSiteRequests(json), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> problem(json, request, response,
                                HttpStatus.FORBIDDEN, "Forbidden", "Your account's roles do not allow this request.")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/drafts").hasAnyRole("WRITER", "EDITOR")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The pages load only their own styles and scripts, post forms only to themselves and are never framed: a
     * second line behind the sanitizer for the preview, which shows HTML made from a writer's text.
     */
    static final String PAGES_POLICY = "default-src 'self'; img-src 'self' https:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The writers' pages: form sign-in at /login (throttled like Basic: 429 and the page says how long to wait), a
     * session cookie (HttpOnly, SameSite=Lax, Secure when the request is), CSRF tokens on every form, sign-out.
     * Needs configured accounts; with bearer tokens only there is nobody to sign in here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.addFilterBefore(throttle.guard(SignInThrottle.form("/login"), SignInThrottle.page("/login")),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/error").permitAll()
                        .requestMatchers("/", "/drafts/**", "/articles/**").hasAnyRole("WRITER", "EDITOR")
                        .anyRequest().denyAll());
        return http.build();
    }

    static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                                HttpStatus status, String title, String detail) throws IOException {
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
