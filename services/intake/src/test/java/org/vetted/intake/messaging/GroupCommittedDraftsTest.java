package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.app.SubmissionOutcome;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.Submission;
import org.vetted.support.batch.RecordingTransactions;

/**
 * Drafts submitted while a Kafka transaction commits share the next one: each is answered, and recorded, only after
 * that commit; a failed commit fails every draft in it, told apart as a lone send's failure is (aborted: the numbers
 * and slugs are free again; timed out: they stay taken).
 */
class GroupCommittedDraftsTest {
    private static final Account WANDA = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);

    private final StreamBridge bridge = mock(StreamBridge.class);
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    private final KafkaDraftPublisher publisher = new KafkaDraftPublisher(
            bridge,
            DemoKeys.signaturesOf(Issuer.INTAKE),
            KafkaDraftPublisher.MAX_EVENT_BYTES,
            () -> new TransactionTemplate(transactions),
            16,
            batches::add);
    private final InMemoryArticleRegistry registry = new InMemoryArticleRegistry();
    private final DraftSubmissions submissions = new DraftSubmissions(
            DraftSubmissionsTest.INTAKE,
            registry,
            publisher,
            Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));
    private final CountDownLatch firstSendMayEnd = new CountDownLatch(1);

    GroupCommittedDraftsTest() {
        doAnswer(call -> {
                    DraftSubmitted event = (DraftSubmitted) ((Message<?>) call.getArgument(1)).getPayload();
                    transactions.log.add("send " + event.getTitle());
                    if (event.getTitle().equals("First")) {
                        firstSendMayEnd.await(30, TimeUnit.SECONDS);
                    }
                    return true;
                })
                .when(bridge)
                .send(eq(KafkaDraftPublisher.BINDING), any(Message.class));
    }

    @AfterEach
    void close() {
        firstSendMayEnd.countDown();
        publisher.destroy();
    }

    private CompletableFuture<SubmissionOutcome> submit(String title) {
        return CompletableFuture.supplyAsync(
                () -> {
                    SubmissionOutcome outcome = submissions.submit(
                            new Submission(DraftFormat.PLAIN_TEXT, title + "\nBody.\n", WANDA, null));
                    transactions.log.add("answered " + title);
                    return outcome;
                },
                runnable -> new Thread(runnable).start());
    }

    /** The first draft's transaction is held in its send; the titles given queue for the next one, in that order. */
    private List<CompletableFuture<SubmissionOutcome>> queuedBehindTheFirst(String... titles) {
        List<CompletableFuture<SubmissionOutcome>> answers = new ArrayList<>();
        answers.add(submit("First"));
        await().until(() -> transactions.log.contains("send First"));
        for (String title : titles) {
            int before = publisher.waitingDrafts();
            answers.add(submit(title));
            await().until(() -> publisher.waitingDrafts() == before + 1);
        }
        return answers;
    }

    private static List<SubmissionOutcome> outcomes(List<CompletableFuture<SubmissionOutcome>> answers)
            throws Exception {
        List<SubmissionOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<SubmissionOutcome> answer : answers) {
            outcomes.add(answer.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void draftsSubmittedDuringACommitShareTheNextTransactionAndAreAnsweredAfterIt() throws Exception {
        List<CompletableFuture<SubmissionOutcome>> answers = queuedBehindTheFirst("Second", "Third");
        assertThat(registry.all()).as("nothing recorded before its commit").isEmpty();
        firstSendMayEnd.countDown();

        assertThat(outcomes(answers)).allMatch(SubmissionOutcome.Published.class::isInstance);
        List<String> log = List.copyOf(transactions.log);
        assertThat(log.stream().filter(line -> !line.startsWith("answered")))
                .as("two transactions, the second with what waited, in the order submitted")
                .containsExactly("begin", "send First", "commit", "begin", "send Second", "send Third", "commit");
        int firstCommit = log.indexOf("commit");
        int secondCommit = log.lastIndexOf("commit");
        assertThat(log.indexOf("answered First")).isGreaterThan(firstCommit);
        assertThat(log.indexOf("answered Second")).isGreaterThan(secondCommit);
        assertThat(log.indexOf("answered Third")).isGreaterThan(secondCommit);
        assertThat(registry.all()).hasSize(3);
        assertThat(batches).containsExactly(1, 2);
    }

    @Test
    void aCommitThatTimedOutLeavesEveryDraftInItUnconfirmedWithItsSlugTaken() throws Exception {
        transactions.failure = new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(true)");
        transactions.failCommit = 2;
        List<CompletableFuture<SubmissionOutcome>> answers = queuedBehindTheFirst("Second", "Third");
        firstSendMayEnd.countDown();

        List<SubmissionOutcome> outcomes = outcomes(answers);
        assertThat(outcomes.get(0)).isInstanceOf(SubmissionOutcome.Published.class);
        assertThat(outcomes.subList(1, 3)).allMatch(SubmissionOutcome.Unconfirmed.class::isInstance);
        assertThat(registry.slugTaken("second")).isTrue();
        assertThat(registry.slugTaken("third")).isTrue();
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void aRefusedSendAbortsTheSharedTransactionAndFreesEverySlugInIt() throws Exception {
        doAnswer(call -> {
                    DraftSubmitted event = (DraftSubmitted) ((Message<?>) call.getArgument(1)).getPayload();
                    transactions.log.add("send " + event.getTitle());
                    if (event.getTitle().equals("First")) {
                        firstSendMayEnd.await(30, TimeUnit.SECONDS);
                    }
                    return !event.getTitle().equals("Third");
                })
                .when(bridge)
                .send(eq(KafkaDraftPublisher.BINDING), any(Message.class));
        List<CompletableFuture<SubmissionOutcome>> answers = queuedBehindTheFirst("Second", "Third");
        firstSendMayEnd.countDown();

        List<SubmissionOutcome> outcomes = outcomes(answers);
        assertThat(outcomes.get(0)).isInstanceOf(SubmissionOutcome.Published.class);
        assertThat(outcomes.subList(1, 3)).allMatch(SubmissionOutcome.NotPublished.class::isInstance);
        assertThat(transactions.log).containsSubsequence("send Second", "send Third", "rollback");
        assertThat(registry.slugTaken("second")).isFalse();
        assertThat(registry.slugTaken("third")).isFalse();
        assertThat(registry.all()).hasSize(1);
    }
}
