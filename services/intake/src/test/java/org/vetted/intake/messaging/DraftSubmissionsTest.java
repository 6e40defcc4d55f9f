package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.app.SubmissionOutcome;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.claims.ClaimExtractor;
import org.vetted.intake.domain.claims.ClaimLexicon;
import org.vetted.intake.domain.claims.EnglishModels;
import org.vetted.intake.domain.claims.ExpertExtractor;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.DraftIntake;
import org.vetted.intake.domain.drafts.DraftRules;
import org.vetted.intake.domain.drafts.MarkdownDraftParser;
import org.vetted.intake.domain.drafts.PlainTextDraftParser;
import org.vetted.intake.domain.drafts.Submission;

/**
 * When Kafka certainly did not take the event, nothing is recorded and the number and slug are free again: the
 * writer gets a 503 and may simply retry. When it may have taken it (a timeout), both stay taken.
 */
class DraftSubmissionsTest {
    private static final Account WANDA = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
    private final ArticleRegistry registry = new InMemoryArticleRegistry();
    private final StreamBridge bridge = mock(StreamBridge.class);
    static final DraftIntake INTAKE = intake();
    private static final Signatures SIGNATURES = DemoKeys.signaturesOf(Issuer.INTAKE);
    private final DraftSubmissions submissions = new DraftSubmissions(
            INTAKE,
            registry,
            new KafkaDraftPublisher(bridge, SIGNATURES),
            Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));
    private final Submission submission = new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody.\n", WANDA, null);

    @Test
    void aSendThatReturnsFalseLeavesNoTrace() {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class))).thenReturn(false);

        assertThat(submissions.submit(submission)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void aSendThatThrowsLeavesNoTrace() {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class)))
                .thenThrow(new IllegalStateException("down"));

        assertThat(submissions.submit(submission)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(registry.all()).isEmpty();
    }

    /** A commit that timed out, as the binder hands it over: the broker may have committed the event. */
    static RuntimeException commitTimedOut() {
        return new MessageHandlingException(
                MessageBuilder.withPayload("event").build(),
                new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(true)"));
    }

    /** A record that failed because its transaction was aborted: nothing can have committed. */
    static RuntimeException transactionAborted() {
        return new MessageHandlingException(
                MessageBuilder.withPayload("event").build(),
                new KafkaProducerException(
                        new ProducerRecord<>("article.draft-submitted", "k", "v"),
                        "Failed to send",
                        new TransactionAbortedException("aborted")));
    }

    @Test
    void afterATimeoutTheRevisionNumberIsNotHandedOutAgain() {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class))).thenReturn(true);
        String id = ((SubmissionOutcome.Published) submissions.submit(submission))
                .draft()
                .articleId();
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class)))
                .thenThrow(commitTimedOut())
                .thenReturn(true);
        Submission revision = new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody, revised.\n", WANDA, id);

        assertThat(submissions.submit(revision)).isEqualTo(new SubmissionOutcome.Unconfirmed(id, 2, "title"));
        var next = (SubmissionOutcome.Published) submissions.submit(revision);

        assertThat(next.draft().revision())
                .as("2 may have landed: the next is 3")
                .isEqualTo(3);
        assertThat(registry.view(id).orElseThrow().revision()).isEqualTo(3);
        assertThat(registry.view(id).orElseThrow().revisions())
                .extracting(ArticleView.RevisionView::revision)
                .as("the gap where 2 did not land")
                .containsExactly(3, 1);
    }

    @Test
    void afterATimeoutTheSlugOfTheNewArticleIsNotHandedOutAgain() {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class)))
                .thenThrow(commitTimedOut())
                .thenReturn(true);

        var unconfirmed = (SubmissionOutcome.Unconfirmed) submissions.submit(submission);
        var next = (SubmissionOutcome.Published) submissions.submit(submission);

        assertThat(unconfirmed.slug()).isEqualTo("title");
        assertThat(unconfirmed.revision()).isEqualTo(1);
        assertThat(next.draft().slug()).isEqualTo("title-2");
        assertThat(next.draft().articleId()).isNotEqualTo(unconfirmed.articleId());
        assertThat(registry.slugTaken("title")).isTrue();
    }

    @Test
    void afterAnAbortedTransactionTheNumberAndSlugAreHandedOutAgain() {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class))).thenReturn(true);
        String id = ((SubmissionOutcome.Published) submissions.submit(submission))
                .draft()
                .articleId();
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class)))
                .thenThrow(transactionAborted())
                .thenReturn(true);
        Submission revision = new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody, revised.\n", WANDA, id);

        assertThat(submissions.submit(revision)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(((SubmissionOutcome.Published) submissions.submit(revision))
                        .draft()
                        .revision())
                .isEqualTo(2);

        Submission other = new Submission(DraftFormat.PLAIN_TEXT, "Other Title\nBody.\n", WANDA, null);
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class)))
                .thenThrow(transactionAborted())
                .thenReturn(true);
        assertThat(submissions.submit(other)).isInstanceOf(SubmissionOutcome.NotPublished.class);
        assertThat(registry.slugTaken("other-title")).isFalse();
        assertThat(((SubmissionOutcome.Published) submissions.submit(other))
                        .draft()
                        .slug())
                .isEqualTo("other-title");
    }

    @Test
    void aCommittedSendIsRecordedAtOnce() {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class))).thenReturn(true);

        var outcome = (SubmissionOutcome.Published) submissions.submit(submission);

        assertThat(registry.find(outcome.draft().articleId())).isPresent();
        assertThat(registry.view(outcome.draft().articleId())
                        .orElseThrow()
                        .history()
                        .get(0)
                        .at())
                .isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    }

    @Test
    void anEventOverTheBudgetIsNotSentAndItsSlugIsFreeAgain() {
        DraftSubmissions small = new DraftSubmissions(
                INTAKE, registry, new KafkaDraftPublisher(bridge, SIGNATURES, 600), Clock.systemUTC());

        var outcome = small.submit(new Submission(
                DraftFormat.PLAIN_TEXT,
                "Title\n" + "Magnesium may improve sleep quality in older adults. ".repeat(20) + "\n",
                WANDA,
                null));

        assertThat(outcome).isInstanceOfSatisfying(SubmissionOutcome.TooLarge.class, tooLarge -> {
            assertThat(tooLarge.maxEventBytes()).isEqualTo(600);
            assertThat(tooLarge.eventBytes()).isGreaterThan(600);
        });
        verify(bridge, never()).send(any(), any(Message.class));
        assertThat(registry.slugTaken("title")).isFalse();
    }

    @Test
    void concurrentNewArticlesWithTheSameTitleGetDistinctSlugs() throws Exception {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class))).thenReturn(true);

        List<SubmissionOutcome> outcomes = concurrently(8, i -> submissions.submit(submission));

        assertThat(outcomes).allMatch(SubmissionOutcome.Published.class::isInstance);
        assertThat(outcomes.stream()
                        .map(o -> ((SubmissionOutcome.Published) o).draft().slug()))
                .containsExactlyInAnyOrder(
                        "title", "title-2", "title-3", "title-4", "title-5", "title-6", "title-7", "title-8");
    }

    @Test
    void concurrentRevisionsOfOneArticleGetDistinctNumbers() throws Exception {
        when(bridge.send(eq(KafkaDraftPublisher.BINDING), any(Message.class))).thenReturn(true);
        String id = ((SubmissionOutcome.Published) submissions.submit(submission))
                .draft()
                .articleId();

        List<SubmissionOutcome> outcomes = concurrently(
                8,
                i -> submissions.submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody " + i + ".\n", WANDA, id)));

        assertThat(outcomes.stream()
                        .map(o -> ((SubmissionOutcome.Published) o).draft().revision()))
                .containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(registry.find(id).orElseThrow().latestRevision()).isEqualTo(9);
    }

    /** Runs {@code n} submissions at once: all threads wait at a gate, then go together. */
    static List<SubmissionOutcome> concurrently(int n, IntFunction<SubmissionOutcome> submit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier gate = new CyclicBarrier(n);
            List<Future<SubmissionOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    return submit.apply(index);
                }));
            }
            List<SubmissionOutcome> outcomes = new ArrayList<>();
            for (Future<SubmissionOutcome> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static DraftIntake intake() {
        return new DraftIntake(
                new PlainTextDraftParser(),
                new MarkdownDraftParser(),
                new DraftRules(),
                new ClaimExtractor(EnglishModels.fromClasspath(), ClaimLexicon.standard()),
                new ExpertExtractor(),
                new Accounts(List.of(WANDA)));
    }
}
