package org.vetted.review.config;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.vetted.support.security.BearerTokens;
import org.vetted.support.security.TokenSubjects;
import org.vetted.support.web.SignInThrottle;
import org.vetted.review.domain.staff.Staff;

/**
 * HTTP Basic over the configured staff and, when Spring Boot has a {@link JwtDecoder} (issuer-uri or jwk-set-uri
 * set), bearer tokens mapped by {@link SignedInActors}; either or both. Stateless, CSRF off (a JSON API without
 * cookies). 401 and 403 are answered as problem+json by the same exception handler as every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtClaimsProperties.class, BearerTokens.Properties.class,
        SignInThrottle.Properties.class})
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Failed password sign-ins, counted for the form and for Basic together (in memory, per instance). */
    @Bean
    SignInThrottle signInThrottle(SignInThrottle.Properties properties) {
        return new SignInThrottle(properties, InstantSource.system());
    }

    /** Which configured member of staff a bearer token's subject is ({@code vetted.security.users[*].subjects}). */
    @Bean
    SignedInActors signedInActors(StaffProperties properties, Staff staff, JwtClaimsProperties claims,
                                  BearerTokens.Properties tokens) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        properties.users().forEach(user -> subjects.put(user.username(), user.subjects()));
        try {
            return new SignedInActors(staff, new TokenSubjects(subjects, tokens.acceptUnknownSubjects()), claims);
        } catch (IllegalArgumentException e) {
            throw new StaffMisconfiguredException(e.getMessage());
        }
    }

    /** The JSON API: HTTP Basic or bearer tokens, stateless, no cookies and so no CSRF. */
    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(HttpSecurity http, Staff staff, ObjectProvider<JwtDecoder> jwtDecoder,
            SignedInActors signedIn, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            BearerTokens.Properties tokens, Environment environment, SignInThrottle throttle) throws Exception {
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
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) ->
                                problems.resolveException(request, response, null, denied)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/**")
                                .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/reviews/**").hasRole("MEDICAL_REVIEWER")
                        .requestMatchers(HttpMethod.GET, "/api/claims").hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/claims/*/retire").hasRole("MEDICAL_REVIEWER")
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The pages load only their own styles and scripts (htmx included), post forms only to themselves and are never
     * framed: whatever a draft's text contains, nothing on the page can run or send it elsewhere.
     */
    static final String PAGES_POLICY = "default-src 'self'; img-src 'self' https:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The reviewers' pages: form sign-in at /login (throttled like Basic: 429 and the page says how long to wait), a
     * session cookie (HttpOnly, SameSite=Lax, Secure when the request is), CSRF tokens on every form. Reading is for
     * reviewers and editors, deciding for reviewers, as on the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.addFilterBefore(throttle.guard(SignInThrottle.form("/login"), SignInThrottle.page("/login")),
                UsernamePasswordAuthenticationFilter.class);
        // A request htmx sends after the session ended is answered 401, not redirected: htmx would follow the
        // redirect and swap the whole sign-in page into a claim's block. The page's script says to reload instead.
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        http.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            } else {
                signIn.commence(request, response, failure);
            }
        }));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/error").permitAll()
                        // htmx from its webjar and the pages' script: read before sign-in like the stylesheet.
                        .requestMatchers(HttpMethod.GET, "/webjars/**", "/js/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/reviews/**", "/claims").hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/reviews/**", "/claims/*/retire").hasRole("MEDICAL_REVIEWER")
                        .anyRequest().denyAll());
        return http.build();
    }
}
