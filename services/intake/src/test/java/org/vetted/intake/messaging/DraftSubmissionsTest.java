package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.vetted.intake.domain.Account;
import org.vetted.intake.domain.Accounts;
import org.vetted.intake.domain.ArticleRegistry;
import org.vetted.intake.domain.ClaimExtractor;
import org.vetted.intake.domain.ClaimLexicon;
import org.vetted.intake.domain.DraftFormat;
import org.vetted.intake.domain.DraftIntake;
import org.vetted.intake.domain.DraftRules;
import org.vetted.intake.domain.EnglishModels;
import org.vetted.intake.domain.ExpertExtractor;
import org.vetted.intake.domain.MarkdownDraftParser;
import org.vetted.intake.domain.PlainTextDraftParser;
import org.vetted.intake.domain.Role;
import org.vetted.intake.domain.Submission;

/** When Kafka does not take the event, nothing is recorded: the writer gets a 503 and may simply retry. */
class DraftSubmissionsTest {
    private static final Account WANDA = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
    private final ArticleRegistry registry = new ArticleRegistry();
    private final StreamBridge bridge = mock(StreamBridge.class);
    private final DraftSubmissions submissions = new DraftSubmissions(
            new DraftIntake(new PlainTextDraftParser(), new MarkdownDraftParser(), new DraftRules(),
                    new ClaimExtractor(EnglishModels.fromClasspath(), ClaimLexicon.standard()), new ExpertExtractor(),
                    new Accounts(List.of(WANDA))),
            registry, bridge, Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));
    private final Submission submission = new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody.\n", WANDA, null);

    @Test
    void aSendThatReturnsFalseLeavesNoTrace() {
        when(bridge.send(eq(DraftSubmissions.BINDING), any(Message.class))).thenReturn(false);

        assertThat(submissions.submit(submission)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void aSendThatThrowsLeavesNoTrace() {
        when(bridge.send(eq(DraftSubmissions.BINDING), any(Message.class))).thenThrow(new IllegalStateException("down"));

        assertThat(submissions.submit(submission)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void aCommittedSendIsRecordedAtOnce() {
        when(bridge.send(eq(DraftSubmissions.BINDING), any(Message.class))).thenReturn(true);

        var outcome = (SubmissionOutcome.Published) submissions.submit(submission);

        assertThat(registry.find(outcome.draft().articleId())).isPresent();
        assertThat(registry.view(outcome.draft().articleId()).orElseThrow().history().get(0).at())
                .isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    }
}
