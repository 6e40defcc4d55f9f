package org.vetted.intake.config;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.intake.IntakeAppTest;
import org.vetted.web.signin.SignInThrottle;

/**
 * Failed password sign-ins are throttled: after five for one username within fifteen minutes, Basic answers 429
 * problem+json and the form 429 with the sign-in page, both with Retry-After; a success clears the count. Each test
 * fails as a username of its own (nobody else's sign-in is blocked in the shared context) from an address of its own.
 */
class SignInThrottlingTest extends IntakeAppTest {
    /** The 15-minute window less the seconds the failed attempts took: a slow machine takes a few. */
    private static final Matcher<String> WITHIN_THE_WINDOW = matchesRegex("900|8[0-9][0-9]");

    private static final String API = "/api/articles";

    @Autowired
    MockMvc mvc;

    @Test
    void basicIsRefusedWith429ProblemJsonAfterFiveFailures() throws Exception {
        String username = "mallory-" + UUID.randomUUID();
        RequestPostProcessor from = from("10.1.0.1");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get(API).with(httpBasic(username, "guess-" + i)).with(from))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get(API).with(httpBasic(username.toUpperCase(), "guess-5")).with(from("10.1.0.2")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", WITHIN_THE_WINDOW))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too many failed sign-ins"));
    }

    @Test
    void aSuccessfulBasicSignInClearsTheCount() throws Exception {
        RequestPostProcessor from = from("10.1.0.3");
        for (int i = 0; i < 4; i++) {
            mvc.perform(get(API).with(httpBasic("walter", "wrong")).with(from)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get(API).with(httpBasic("walter", "walter-pass")).with(from))
                .andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            mvc.perform(get(API).with(httpBasic("walter", "wrong")).with(from)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get(API).with(httpBasic("walter", "walter-pass")).with(from))
                .andExpect(status().isOk());
    }

    @Test
    void theFormAnswers429WithTheSignInPageAfterFiveFailures() throws Exception {
        String username = "mallory-" + UUID.randomUUID();
        RequestPostProcessor from = from("10.1.0.4");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                            .param("username", username)
                            .param("password", "guess-" + i)
                            .with(csrf())
                            .with(from))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", "guess-5")
                        .with(csrf())
                        .with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", WITHIN_THE_WINDOW))
                .andExpect(forwardedUrl("/login"));
    }

    @Test
    void theSignInPageSaysHowLongToWait() throws Exception {
        mvc.perform(get("/login").requestAttr(SignInThrottle.RETRY_AFTER_ATTRIBUTE, 600L))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sign-in-throttled\"")))
                .andExpect(content().string(containsString("<span>10</span> minute(s)")));
        mvc.perform(get("/login")).andExpect(content().string(not(containsString("sign-in-throttled"))));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
