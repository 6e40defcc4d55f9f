package org.vetted.intake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.Intakes;
import org.vetted.intake.domain.drafts.Submission;

/** A form's token makes one revision however often the form is posted; a check sends nothing. */
class DraftSubmissionsTokenTest {
    private static final String TOKEN = "6f1c2a7e-0d4b-4c55-9a0e-3b7d2f1e8c90";
    private final ArticleRegistry registry = new InMemoryArticleRegistry();
    private final SubmissionLedger ledger = new InMemorySubmissionLedger();
    private final AtomicInteger sent = new AtomicInteger();
    private DraftPublisher.Publication answer = new DraftPublisher.Publication.Committed(new byte[0]);
    private final DraftSubmissions submissions = new DraftSubmissions(
            Intakes.intake(),
            registry,
            (draft, eventId, at) -> {
                sent.incrementAndGet();
                return answer;
            },
            Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC),
            ledger,
            Duration.ofMillis(200));
    private final Submission submission = new Submission(
            DraftFormat.PLAIN_TEXT,
            "Ginger and Nausea\nGinger may ease nausea, small trials suggest.\n",
            Intakes.WANDA,
            null);

    @Test
    void theSamePostTwiceIsToldTheRevisionTheFirstMade() {
        var first = (SubmissionOutcome.Published) submissions.submit(submission, TOKEN);

        assertThat(submissions.submit(submission, TOKEN))
                .isEqualTo(new SubmissionOutcome.AlreadySubmitted(
                        first.draft().articleId(), first.draft().revision()));
        assertThat(sent).hasValue(1);
        assertThat(registry.all()).hasSize(1);
        assertThat(submissions.submit(submission, "another-form")).isInstanceOf(SubmissionOutcome.Published.class);
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void theSameTokenWithAnotherDraftIsRefusedAndSendsNothing() {
        var first = (SubmissionOutcome.Published) submissions.submit(submission, TOKEN);
        Submission changed = new Submission(
                DraftFormat.PLAIN_TEXT,
                "Ginger and Nausea\nGinger cures nausea, small trials suggest.\n",
                Intakes.WANDA,
                null);

        assertThat(submissions.submit(changed, TOKEN))
                .isEqualTo(new SubmissionOutcome.TokenReused(
                        first.draft().articleId(), first.draft().revision()));
        assertThat(sent).hasValue(1);
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void theFingerprintCoversFormatTargetAndEveryCharacter() {
        String text = submission.text();
        String base = DraftSubmissions.fingerprint(submission);

        assertThat(base).hasSize(64);
        assertThat(DraftSubmissions.fingerprint(new Submission(DraftFormat.MARKDOWN, text, Intakes.WANDA, null)))
                .isNotEqualTo(base);
        assertThat(DraftSubmissions.fingerprint(new Submission(DraftFormat.PLAIN_TEXT, text, Intakes.WANDA, "a-1")))
                .isNotEqualTo(base);
        assertThat(DraftSubmissions.fingerprint(
                        new Submission(DraftFormat.PLAIN_TEXT, text + "\u200B", Intakes.WANDA, null)))
                .as("an invisible character is a different request: the token binds the bytes sent")
                .isNotEqualTo(base);
        assertThat(DraftSubmissions.fingerprint(new Submission(DraftFormat.PLAIN_TEXT, text, Intakes.WANDA, null)))
                .isEqualTo(base);
    }

    @Test
    void aSubmissionThatMadeNothingGivesItsTokenBack() {
        answer = new DraftPublisher.Publication.NotSent();
        assertThat(submissions.submit(submission, TOKEN)).isInstanceOf(SubmissionOutcome.NotPublished.class);

        answer = new DraftPublisher.Publication.Committed(new byte[0]);
        assertThat(submissions.submit(submission, TOKEN)).isInstanceOf(SubmissionOutcome.Published.class);
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void aPostWhileTheFirstStillRunsIsToldToTryAgainAndSendsNothing() {
        assertThat(ledger.claim("wanda", TOKEN, DraftSubmissions.fingerprint(submission)))
                .isEqualTo(new SubmissionLedger.TokenClaim.Ours());

        assertThat(submissions.submit(submission, TOKEN)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(sent).hasValue(0);
    }

    @Test
    void aCheckReadsTheDraftAndSendsNothing() {
        var checked = (SubmissionOutcome.Checked) submissions.check(submission);

        assertThat(checked.read().title()).isEqualTo("Ginger and Nausea");
        assertThat(checked.read().claims()).isNotEmpty();
        assertThat(sent).hasValue(0);
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void aPublishedRevisionKeepsItsWarningsForThePages() {
        var published = (SubmissionOutcome.Published) submissions.submit(
                new Submission(
                        DraftFormat.PLAIN_TEXT,
                        "Ginger and Nausea\nGinger may ease nausea.\nLeave a Reply\n",
                        Intakes.WANDA,
                        null),
                TOKEN);

        assertThat(ledger.notes(published.draft().articleId(), 1).warnings())
                .anySatisfy(warning -> assertThat(warning).contains("Leave a Reply"));
    }
}
