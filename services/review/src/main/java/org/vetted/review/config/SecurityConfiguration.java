package org.vetted.review.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.vetted.review.domain.staff.Staff;
import org.vetted.web.signin.BearerTokens;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.SignInChains;
import org.vetted.web.signin.SignInPage;
import org.vetted.web.signin.SignInThrottle;
import org.vetted.web.signin.TokenSubjects;
import org.vetted.web.signin.UsersProperties;

/**
 * Review's ways in, on the shared sign-in ({@link SignInChains}): HTTP Basic over the configured staff and/or bearer
 * tokens mapped by {@link SignedInActors} on the API, 401 and 403 answered as problem+json by the same exception
 * handler as every other error; form sign-in on the reviewers' pages.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Which configured member of staff a bearer token's subject is ({@code vetted.security.users[*].subjects}). */
    @Bean
    SignedInActors signedInActors(
            UsersProperties properties, Staff staff, JwtClaimsProperties claims, BearerTokens.Properties tokens) {
        try {
            return new SignedInActors(staff, TokenSubjects.of(properties, tokens), claims);
        } catch (IllegalArgumentException e) {
            throw new StaffMisconfiguredException(e.getMessage());
        }
    }

    /** The sign-in page; with bearer tokens only there is no password to sign in with, and it says so. */
    @Bean
    SignInPage signInPage(Staff staff) {
        return new SignInPage(() -> !staff.isEmpty());
    }

    /** The JSON API: HTTP Basic or bearer tokens, stateless, no cookies and so no CSRF. */
    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            Staff staff,
            ObjectProvider<JwtDecoder> jwtDecoder,
            SignedInActors signedIn,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            BearerTokens.Properties tokens,
            Environment environment,
            SignInThrottle throttle)
            throws Exception {
        SignInChains.api(
                        http,
                        !staff.isEmpty(),
                        BearerTokens.ifOn(jwtDecoder, tokens, environment),
                        signedIn,
                        throttle,
                        (request, response, failure) -> problems.resolveException(request, response, null, failure),
                        (request, response, denied) -> problems.resolveException(request, response, null, denied))
                // /actuator/prometheus is guarded by kafka-support's MetricsToken before this chain runs.
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/**")
                        .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        // Withdrawing a published article: medical reviewers and editors (the rule then wants a
                        // credentialed reviewer or an editor); every other decision is for reviewers alone.
                        .requestMatchers(HttpMethod.POST, "/api/reviews/*/retraction", "/api/reviews/*/takedown")
                        .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/reviews/**")
                        .hasRole("MEDICAL_REVIEWER")
                        .requestMatchers(HttpMethod.GET, "/api/claims")
                        .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/claims/*/retire")
                        .hasRole("MEDICAL_REVIEWER")
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /**
     * The reviewers' pages. Reading is for reviewers and editors, deciding for reviewers, as on the API; htmx and
     * the pages' script are read before sign-in like the stylesheet.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
        // A request htmx sends after the session ended is answered 401, not redirected: htmx would follow the
        // redirect and swap the whole sign-in page into a claim's block. The page's script says to reload instead.
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SignInChains.LOGIN);
        SignInChains.pages(http, throttle)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                    if ("true".equals(request.getHeader("HX-Request"))) {
                        response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    } else {
                        signIn.commence(request, response, failure);
                    }
                }))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/css/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/webjars/**", "/js/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/reviews/**", "/claims")
                        .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/reviews/*/withdrawal")
                        .hasAnyRole("MEDICAL_REVIEWER", "EDITOR")
                        .requestMatchers(HttpMethod.POST, "/reviews/**", "/claims/*/retire")
                        .hasRole("MEDICAL_REVIEWER")
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
