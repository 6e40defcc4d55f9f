package org.vetted.review.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.vetted.contract.Topics;
import org.vetted.events.DraftSubmitted;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/**
 * The whole service on Spring Cloud Stream's in-memory test binder, with MockMvc, the staff of application-test.yml
 * (HTTP Basic) and bearer tokens from {@link TestTokens}: both ways of signing in are on. Every test class extends
 * this one so they share one application context and one fresh database ({@link TestDatabase}); each test uses its
 * own article id.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestChannelBinderConfiguration.class, TestTokens.class})
@ActiveProfiles("test")
public abstract class ReviewServiceTest {
    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected InputDestination input;

    @Autowired
    protected OutputDestination output;

    @MockitoSpyBean
    protected StreamBridge streamBridge;

    @Autowired
    private SharedProjection projection;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** The board has caught up with the article history (ReplayGateTest covers the time before). */
    @BeforeEach
    void replayCaughtUp() {
        Replay.markCaughtUp(projection);
    }

    protected static String newArticleId() {
        return "art-" + UUID.randomUUID();
    }

    protected void submit(DraftSubmitted draft) {
        input.send(
                MessageBuilder.withPayload(draft)
                        .setHeader(KafkaHeaders.RECEIVED_KEY, draft.getArticleId())
                        .build(),
                Topics.DRAFT_SUBMITTED);
    }

    protected ResultActions decideClaim(String user, String articleId, String claimId, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/claims/{c}", articleId, claimId)
                .with(httpBasic(user, user + "-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions signOff(String user, String articleId, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/decision", articleId)
                .with(httpBasic(user, user + "-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
