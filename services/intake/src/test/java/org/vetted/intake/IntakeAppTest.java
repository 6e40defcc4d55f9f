package org.vetted.intake;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/**
 * The whole app on Spring Cloud Stream's in-memory test binder (no broker), with MockMvc, the test accounts of
 * application-test.yml (HTTP Basic) and bearer tokens from {@link TestTokens}: both ways of signing in are on.
 * Subclasses share one application context and one fresh database ({@link TestDatabase}); each uses its own
 * articles. The article view counts as caught up (see {@link Replays}); ReplayGateTest covers the time before.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestChannelBinderConfiguration.class, TestTokens.class})
public abstract class IntakeAppTest {
    public static final String DRAFT_TOPIC = "article.draft-submitted";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    private SharedProjection projection;

    @BeforeEach
    void historyIsReplayed() {
        Replays.markCaughtUp(projection);
    }
}
