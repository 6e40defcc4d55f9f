package org.vetted.review.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.Replay;

/** A context of its own that starts, as in production, before the replay of article history has caught up. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestChannelBinderConfiguration.class)
@ActiveProfiles("test")
@DirtiesContext
class ReplayGateTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void untilTheReplayHasCaughtUpOnEveryPartitionTheApiAnswers503AndHealthIsOutOfService() throws Exception {
        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.title").value("Starting up: replaying article history"));
        mvc.perform(post("/api/reviews/{id}/decision", "art-any").with(httpBasic("rita", "rita-pass"))
                        .contentType(MediaType.APPLICATION_JSON).content(DraftEvents.approving(1)))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/api/reviews")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));

        Replay.reachedTheEndOfOnlySomePartitions(events);

        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));

        Replay.reachedTheEnd(events);

        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
