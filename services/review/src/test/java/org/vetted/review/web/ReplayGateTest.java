package org.vetted.review.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.Replay;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/**
 * A context of its own that starts, as in production, before the board has caught up with the article history; here
 * it catches up by joining with empty topics. The shared context counts as caught up.
 */
@SpringBootTest(properties = "vetted.test.context=replay-gate")
@AutoConfigureMockMvc
@Import(TestChannelBinderConfiguration.class)
@ActiveProfiles("test")
@DirtiesContext
class ReplayGateTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SharedProjection projection;

    @Test
    void untilTheBoardHasCaughtUpTheApiAndThePagesAnswer503AndHealthIsOutOfService() throws Exception {
        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.title").value("Starting up: replaying article history"));
        mvc.perform(post("/api/reviews/{id}/decision", "art-any")
                        .with(httpBasic("rita", "rita-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DraftEvents.approving(1)))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/api/reviews")).andExpect(status().isUnauthorized());
        // The reviewer pages read the same board: held too, through the error page, after sign-in.
        for (String page : new String[] {"/", "/reviews/art-any", "/claims"}) {
            mvc.perform(get(page).with(user("rita").roles("MEDICAL_REVIEWER")).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
        }
        mvc.perform(post("/reviews/{a}/decision", "art-any")
                        .with(user("rita").roles("MEDICAL_REVIEWER"))
                        .with(csrf())
                        .param("revision", "1"))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));

        // The API's document and Swagger UI are not held: they describe the API and hold no data. No issuer here
        // (no decoder of bearer tokens), so the document names HTTP Basic only.
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme")
                        .value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth").doesNotExist());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());

        Replay.markCaughtUp(projection);

        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass"))).andExpect(status().isOk());
        mvc.perform(get("/").with(user("rita").roles("MEDICAL_REVIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
