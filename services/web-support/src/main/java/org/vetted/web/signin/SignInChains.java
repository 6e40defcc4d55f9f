package org.vetted.web.signin;

import java.util.Arrays;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The parts of the two filter chains that intake and review share; each service adds its own rules (which paths,
 * which roles) and builds. The API: HTTP Basic over the configured users and/or bearer tokens, stateless, no CSRF
 * (no cookies), failed passwords throttled. The pages: form sign-in at {@value #LOGIN} with a session and CSRF
 * tokens, throttled like Basic, a content security policy, sign-out.
 */
public final class SignInChains {
    public static final String LOGIN = "/login";

    /**
     * The pages load only their own styles and scripts, post forms only to themselves and are never framed: whatever
     * a draft's text contains, nothing on a page can run or send it elsewhere.
     */
    public static final String PAGES_POLICY = "default-src 'self'; img-src 'self' https:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The JSON API's sign-in on {@code /api/**} and {@code /actuator/**}. A 401 names the schemes that are on
     * ({@code WWW-Authenticate}) before {@code unauthorized} writes the body; {@code forbidden} answers 403.
     *
     * @param basic    whether users are configured (HTTP Basic on)
     * @param bearer   the decoder of bearer tokens ({@link BearerTokens#issuedByAndFor}), or null when they are off
     * @param signedIn the service's adapter of {@link SignedInUsers}
     */
    public static HttpSecurity api(
            HttpSecurity http,
            boolean basic,
            JwtDecoder bearer,
            Converter<Jwt, AbstractAuthenticationToken> signedIn,
            SignInThrottle throttle,
            AuthenticationEntryPoint unauthorized,
            AccessDeniedHandler forbidden) {
        AuthenticationEntryPoint challenge = (request, response, failure) -> {
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"vetted\"");
            }
            if (bearer != null) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            unauthorized.commence(request, response, failure);
        };
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.realmName("vetted").authenticationEntryPoint(challenge))
                    .addFilterBefore(
                            throttle.guard(SignInThrottle.basic(), SignInThrottle.problemJson()),
                            BasicAuthenticationFilter.class);
        }
        if (bearer != null) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(challenge)
                    .jwt(jwt -> jwt.decoder(bearer).jwtAuthenticationConverter(signedIn)));
        }
        return http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(challenge).accessDeniedHandler(forbidden));
    }

    /**
     * The pages' sign-in: the form at {@value #LOGIN} (throttled like Basic: 429 and the page says how long to wait),
     * a session cookie (HttpOnly, SameSite=Lax, Secure when the request is), CSRF tokens on every form, sign-out at
     * {@code /logout}, {@link #PAGES_POLICY}. Needs configured users; with bearer tokens only nobody signs in here.
     */
    public static HttpSecurity pages(HttpSecurity http, SignInThrottle throttle) {
        return http.addFilterBefore(
                        throttle.guard(SignInThrottle.form(LOGIN), SignInThrottle.page(LOGIN)),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY)))
                .formLogin(form ->
                        form.loginPage(LOGIN).defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl(LOGIN + "?signedOut")
                        .permitAll());
    }

    /** The configured users for password sign-in, known by their canonical username and the service's role names. */
    public static <E extends Enum<E>> UserDetailsService passwords(UsersProperties properties, Class<E> roles) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(SignedInUser.canonical(user.username()))
                        .password(user.password())
                        .roles(user.roles(roles).stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .toArray(UserDetails[]::new));
    }

    /** The role names of a service's enum, in its order. */
    public static <E extends Enum<E>> List<String> names(Class<E> roles) {
        return Arrays.stream(roles.getEnumConstants()).map(Enum::name).toList();
    }

    private SignInChains() {}
}
