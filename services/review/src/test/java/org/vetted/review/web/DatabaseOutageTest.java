package org.vetted.review.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.review.app.ReviewStore;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.Replay;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/** The board's database out of reach: the API answers 503 with Retry-After and a problem, never a 500 or a trace. */
@SpringBootTest(properties = "vetted.test.context=database-outage")
@AutoConfigureMockMvc
@Import(TestChannelBinderConfiguration.class)
@ActiveProfiles("test")
class DatabaseOutageTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @MockitoBean
    ReviewStore store;

    @Autowired
    MockMvc mvc;

    @Autowired
    SharedProjection projection;

    @BeforeEach
    void theBoardsDatabaseIsDown() {
        Replay.markCaughtUp(projection);
        DataAccessResourceFailureException down =
                new DataAccessResourceFailureException("Connection to localhost:5432 refused");
        when(store.find(any())).thenThrow(down);
        when(store.awaitingDecision()).thenThrow(down);
        when(store.queue(any())).thenThrow(down);
        when(store.exclusively(any(), any())).thenThrow(down);
    }

    @Test
    void readsAndDecisionsAnswer503WithRetryAfter() throws Exception {
        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.title").value("Review board unavailable"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("5432"))));
        mvc.perform(get("/api/reviews/{id}", "art-1").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(post("/api/reviews/{id}/decision", "art-1")
                        .with(httpBasic("rita", "rita-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DraftEvents.approving(1)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"));
    }
}
