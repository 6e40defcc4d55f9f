package org.vetted.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on Spring Cloud Stream's in-memory test binder (no broker), with MockMvc, the test accounts of
 * application-test.yml (HTTP Basic) and bearer tokens from {@link TestTokens}: both ways of signing in are on.
 * Subclasses share one application context; each uses its own articles.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestChannelBinderConfiguration.class, TestTokens.class})
public abstract class IntakeAppTest {
    public static final String DRAFT_TOPIC = "article.draft-submitted";
}
