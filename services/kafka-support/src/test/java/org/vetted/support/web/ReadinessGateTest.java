package org.vetted.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

class ReadinessGateTest {
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final ReadinessGate gate =
            ReadinessGate.of(caughtUp::get, "Loading \"the\" articles; wait.").answeringProblems("/api/**");

    @Test
    void answersProblemJsonWithRetryAfterUntilCaughtUp() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(gate.preHandle(new MockHttpServletRequest("GET", "/api/x"), response, null))
                .isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .isEqualTo(
                        "{\"type\":\"about:blank\",\"title\":\"Starting up: "
                                + "replaying article history\",\"status\":503,\"detail\":\"Loading \\\"the\\\" articles; wait.\"}");

        caughtUp.set(true);
        MockHttpServletResponse after = new MockHttpServletResponse();
        assertThat(gate.preHandle(new MockHttpServletRequest("GET", "/api/x"), after, null))
                .isTrue();
        assertThat(after.getStatus()).isEqualTo(200);
    }

    @Test
    void aGateWithoutPathsIsRefusedRatherThanGuardingNothing() {
        assertThatThrownBy(() -> ReadinessGate.of(caughtUp::get, "x").registerWith(new InterceptorRegistry()))
                .isInstanceOf(IllegalStateException.class);
    }
}
