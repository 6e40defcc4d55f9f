package org.vetted.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class SignInThrottleTest {
    private Instant now = Instant.parse("2026-03-01T09:00:00Z");
    private final InstantSource clock = () -> now;
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Properties(null, null, null), clock);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void fiveFailuresForOneUsernameBlockItUntilTheWindowHasPassed() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Rita", "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("rita", "10.0.0.2")).isEmpty();
        throttle.failed("rita ", "10.0.0.3");

        assertThat(throttle.retryAfterSeconds("RITA", "10.0.0.9")).isEqualTo(OptionalLong.of(15 * 60));
        now = now.plus(Duration.ofMinutes(10));
        assertThat(throttle.retryAfterSeconds("rita", "10.0.0.9")).isEqualTo(OptionalLong.of(5 * 60));
        assertThat(throttle.retryAfterSeconds("paul", "10.0.0.9")).isEmpty();
        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.retryAfterSeconds("rita", "10.0.0.9")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryUsernameFromIt() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("someone", "10.0.0.1")).isPresent();
        assertThat(throttle.retryAfterSeconds("someone", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesCountButNotTheAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("rita", "10.0.0.1");
        }
        throttle.succeeded("rita");
        for (int i = 0; i < 4; i++) {
            throttle.failed("rita", "10.0.0.2");
        }
        assertThat(throttle.retryAfterSeconds("rita", "10.0.0.3")).isEmpty();
    }

    @Test
    void theGuardCountsFailuresRefusesWithoutCheckingAndResetsOnSuccess() throws Exception {
        var guard = throttle.guard(SignInThrottle.basic(), SignInThrottle.problemJson());
        for (int i = 0; i < 5; i++) {
            assertThat(run(guard, basic("rita", "wrong"), false).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = run(guard, basic("rita", "right"), true);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("900");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429");

        now = now.plus(Duration.ofMinutes(15));
        run(guard, basic("rita", "right"), true);
        for (int i = 0; i < 4; i++) {
            run(guard, basic("rita", "wrong"), false);
        }
        assertThat(throttle.retryAfterSeconds("rita", "10.0.0.9")).isEmpty();
        assertThat(run(guard, new MockHttpServletRequest("GET", "/api/x"), false)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void attemptsAreReadFromBasicHeadersAndTheSignInForm() {
        assertThat(SignInThrottle.basic().username(basic("dana", "pw:with:colons")))
                .isEqualTo("dana");
        var bearer = new MockHttpServletRequest("GET", "/api/x");
        bearer.addHeader("Authorization", "Bearer abc");
        assertThat(SignInThrottle.basic().username(bearer)).isNull();
        var garbled = new MockHttpServletRequest("GET", "/api/x");
        garbled.addHeader("Authorization", "Basic ***");
        assertThat(SignInThrottle.basic().username(garbled)).isNull();

        var form = new MockHttpServletRequest("POST", "/login");
        form.addParameter("username", "wanda");
        assertThat(SignInThrottle.form("/login").username(form)).isEqualTo("wanda");
        var page = new MockHttpServletRequest("GET", "/login");
        assertThat(SignInThrottle.form("/login").username(page)).isNull();
    }

    @Test
    void aSignInPageSaysWholeMinutes() {
        assertThat(SignInThrottle.minutes(1)).isEqualTo(1);
        assertThat(SignInThrottle.minutes(61)).isEqualTo(2);
        assertThat(SignInThrottle.minutes(900)).isEqualTo(15);
    }

    private MockHttpServletResponse run(
            jakarta.servlet.Filter guard, MockHttpServletRequest request, boolean passwordIsRight) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.clearContext();
        guard.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                if (passwordIsRight) {
                    SecurityContextHolder.getContext()
                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    "rita", null, java.util.List.of()));
                }
            }
        });
        return response;
    }

    private static MockHttpServletRequest basic(String username, String password) {
        var request = new MockHttpServletRequest("GET", "/api/reviews");
        request.setRemoteAddr("10.0.0.1");
        request.addHeader(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
