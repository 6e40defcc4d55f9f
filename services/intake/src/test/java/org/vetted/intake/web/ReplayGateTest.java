package org.vetted.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.intake.Replays;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/**
 * Before the article view has caught up with the topics, /api/** (reads and writes) and the pages answer 503 and
 * health is OUT_OF_SERVICE; once it has (here: joined, with empty topics), both open. A context of its own: the shared
 * one counts as caught up.
 */
@SpringBootTest(properties = "vetted.test.context=replay-gate")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestChannelBinderConfiguration.class)
class ReplayGateTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SharedProjection projection;

    @Autowired
    OutputDestination output;

    @Test
    void apiAnswers503UntilTheHistoryIsReplayed() throws Exception {
        output.clear();
        mvc.perform(get("/api/articles").with(httpBasic("wanda", "wanda-pass")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.title").value("Starting up: replaying article history"))
                .andExpect(jsonPath("$.status").value(503));
        mvc.perform(draft())
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
        mvc.perform(get("/api/articles/some-id").with(httpBasic("wanda", "wanda-pass")))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/api/articles")).andExpect(status().isUnauthorized());
        // A page is held too, through the error page, with the same status and header.
        mvc.perform(get("/").with(user("wanda").roles("WRITER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"))
                .andExpect(jsonPath("$.components").doesNotExist());
        assertThat(output.receive(200, "article.draft-submitted")).isNull();

        // The API's document and Swagger UI are not held: they describe the API and hold no data. No issuer here
        // (no decoder of bearer tokens), so the document names HTTP Basic only.
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme")
                        .value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth").doesNotExist());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());

        Replays.markCaughtUp(projection);

        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/articles").with(httpBasic("wanda", "wanda-pass"))).andExpect(status().isOk());
        mvc.perform(draft()).andExpect(status().isAccepted());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder draft() {
        return post("/api/drafts")
                .with(httpBasic("wanda", "wanda-pass"))
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .content("Does Rest Help?\nRest reduces stress.\n".getBytes(StandardCharsets.UTF_8));
    }
}
