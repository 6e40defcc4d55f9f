package org.vetted.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MetricsTokenTest {
    private static final String TOKEN = "scrape-me-0123456789abcdef";

    @Test
    void withoutAConfiguredTokenTheMetricsAreNotThere() throws Exception {
        assertThat(status(new MetricsToken(""), "Bearer anything")).isEqualTo(404);
        assertThat(status(new MetricsToken(null), null)).isEqualTo(404);
    }

    @Test
    void onlyTheConfiguredBearerTokenPasses() throws Exception {
        MetricsToken guard = new MetricsToken(TOKEN);

        assertThat(status(guard, "Bearer " + TOKEN)).isEqualTo(200);
        assertThat(status(guard, "bearer " + TOKEN))
                .as("the scheme is case-insensitive")
                .isEqualTo(200);
        assertThat(status(guard, null)).isEqualTo(401);
        assertThat(status(guard, "Bearer " + TOKEN.substring(1))).isEqualTo(401);
        assertThat(status(guard, "Bearer " + TOKEN + "x")).isEqualTo(401);
        assertThat(status(guard, "Basic " + TOKEN)).isEqualTo(401);
        assertThat(status(guard, "Bearer " + TOKEN.replace('s', '\u0455')))
                .as("a look-alike letter is another token")
                .isEqualTo(401);
    }

    @Test
    void aPlaceholderIsNoSecret() {
        assertThat(MetricsToken.isUsable("changeme")).isFalse();
        assertThat(MetricsToken.isUsable(TOKEN)).isTrue();
    }

    private static int status(MetricsToken guard, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        guard.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            return 200;
        }
        if (response.getStatus() == 401) {
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        }
        return response.getStatus();
    }
}
