package org.vetted.distribution.config;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the one part of distribution that is not public: the webhook subscriptions API, for editors only
 * (HTTP Basic over {@code vetted.security.users}, stateless, no CSRF since no cookie is used). Everything else (pages,
 * feed, article API, keys, health) matches no chain and stays open as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffUsersProperties.class)
public class WebhookSecurityConfiguration {
    static final String EDITOR = StaffUsersProperties.Role.EDITOR.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUsers(StaffUsersProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(StaffUsersProperties.canonical(user.username()))
                        .password(user.password())
                        .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .toArray(UserDetails[]::new));
    }

    @Bean
    SecurityFilterChain subscriptionsApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/subscriptions", "/api/subscriptions/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(EDITOR))
                .httpBasic(basic -> basic.realmName("vetted").authenticationEntryPoint((request, response, failure) -> {
                    response.addHeader("WWW-Authenticate", "Basic realm=\"vetted\"");
                    problem(response, 401, "Unauthorized", "Sign in as an editor (HTTP Basic).");
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        problem(response, 403, "Forbidden", "Only editors manage webhook subscriptions.")))
                .build();
    }

    private static void problem(
            jakarta.servlet.http.HttpServletResponse response, int status, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
