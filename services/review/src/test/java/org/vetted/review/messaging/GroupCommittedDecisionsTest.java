package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.Reviewer;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.PublishFailedException;
import org.vetted.support.batch.RecordingTransactions;

/**
 * Claim decisions made while a commit runs share the next Kafka transaction; each caller returns only after it
 * committed, and a failed commit fails every decision in it.
 */
class GroupCommittedDecisionsTest {
    private final StreamBridge bridge = mock(StreamBridge.class);
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamDecisionPublisher publisher = new StreamDecisionPublisher(
                    bridge, meters, () -> new TransactionTemplate(transactions))
            .withGroupCommit(16);
    private final CountDownLatch firstSendMayEnd = new CountDownLatch(1);

    GroupCommittedDecisionsTest() {
        doAnswer(call -> {
                    Message<?> message = call.getArgument(1);
                    String key = (String) message.getHeaders().get(KafkaHeaders.KEY);
                    transactions.log.add("send " + key);
                    if (key.equals("art-0")) {
                        firstSendMayEnd.await(30, TimeUnit.SECONDS);
                    }
                    return true;
                })
                .when(bridge)
                .send(any(String.class), any(Object.class));
    }

    @AfterEach
    void close() {
        firstSendMayEnd.countDown();
        publisher.close();
    }

    private static byte[] decision(String articleId) {
        return EventCatalog.standard()
                .encode(ClaimReviewed.newBuilder()
                        .setEventId("e-" + articleId)
                        .setArticleId(articleId)
                        .setRevision(1)
                        .setContentHash("sha256v2:00")
                        .setClaimId("c-1")
                        .setDecision(ClaimDecision.APPROVED)
                        .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                        .setReviewedAt(Instant.parse("2026-12-07T09:00:00Z"))
                        .build());
    }

    private CompletableFuture<Void> decide(String articleId) {
        return CompletableFuture.runAsync(
                () -> {
                    publisher.publish(new DecisionPublisher.Outgoing(
                            DecisionPublisher.Kind.CLAIM_REVIEWED, articleId, decision(articleId)));
                    transactions.log.add("answered " + articleId);
                },
                runnable -> new Thread(runnable).start());
    }

    /** The first decision's commit is held in its send; what arrives meanwhile queues for the next commit. */
    private CompletableFuture<Void> firstDecisionUnderWay() {
        CompletableFuture<Void> first = decide("art-0");
        await().until(() -> transactions.log.contains("send art-0"));
        return first;
    }

    private List<CompletableFuture<Void>> queued(String... articleIds) {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (String articleId : articleIds) {
            int before = publisher.waitingDecisions();
            answers.add(decide(articleId));
            await().until(() -> publisher.waitingDecisions() == before + 1);
        }
        return answers;
    }

    @Test
    void decisionsMadeDuringACommitShareTheNextTransactionAndAreAnsweredAfterItsCommit() throws Exception {
        CompletableFuture<Void> first = firstDecisionUnderWay();
        List<CompletableFuture<Void>> next = queued("art-1", "art-2", "art-1-again");
        firstSendMayEnd.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Void> answer : next) {
            answer.get(30, TimeUnit.SECONDS);
        }

        List<String> log = List.copyOf(transactions.log);
        assertThat(log.stream().filter(entry -> !entry.startsWith("answered")))
                .as("two transactions, the second with the decisions in the order made")
                .containsExactly(
                        "begin",
                        "send art-0",
                        "commit",
                        "begin",
                        "send art-1",
                        "send art-2",
                        "send art-1-again",
                        "commit");
        // Each answer after its own commit (the committer may begin the next batch before a caller logs its answer).
        assertThat(log.indexOf("answered art-0")).isGreaterThan(log.indexOf("commit"));
        for (String articleId : List.of("art-1", "art-2", "art-1-again")) {
            assertThat(log.indexOf("answered " + articleId)).as(articleId).isGreaterThan(log.lastIndexOf("commit"));
        }
        assertThat(meters.counter("vetted.review.decisions", "kind", "claim", "outcome", "approved")
                        .count())
                .isEqualTo(4.0);
        assertThat(meters.summary("vetted.group.commit.batch", "binding", StreamDecisionPublisher.CLAIM_REVIEWED)
                        .max())
                .isEqualTo(3.0);
    }

    @Test
    void aFailedCommitFailsEveryDecisionInItAndCountsNone() throws Exception {
        CompletableFuture<Void> first = firstDecisionUnderWay();
        List<CompletableFuture<Void>> next = queued("art-1", "art-2");
        transactions.failCommit = 2;
        firstSendMayEnd.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Void> answer : next) {
            try {
                answer.get(30, TimeUnit.SECONDS);
                throw new AssertionError("a decision of a failed commit was answered as committed");
            } catch (ExecutionException e) {
                assertThat(e.getCause())
                        .isInstanceOf(PublishFailedException.class)
                        .hasRootCauseMessage("the commit failed");
            }
        }
        assertThat(transactions.log).doesNotContain("answered art-1", "answered art-2");
        assertThat(meters.counter("vetted.review.decisions", "kind", "claim", "outcome", "approved")
                        .count())
                .as("only the first decision committed")
                .isEqualTo(1.0);
    }
}
