package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.Reviewer;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.PublishFailedException;
import org.vetted.review.support.DraftEvents;
import org.vetted.support.batch.RecordingTransactions;

/** Several events are sent inside one transaction, and a failed send rolls all of them back. */
class StreamDecisionPublisherTest {
    private final StreamBridge bridge = mock(StreamBridge.class);
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamDecisionPublisher publisher =
            new StreamDecisionPublisher(bridge, meters, () -> new TransactionTemplate(transactions));

    /** Any encoded event will do: what is sent, and where, is what counts here. */
    private final byte[] record = EventCatalog.standard().encode(DraftEvents.draft("art-1", 1, false));

    private final List<DecisionPublisher.Outgoing> events = List.of(
            new DecisionPublisher.Outgoing(DecisionPublisher.Kind.ARTICLE_APPROVED, "art-1", record),
            new DecisionPublisher.Outgoing(DecisionPublisher.Kind.CLAIMS_LIBRARY, "lib-1", record));

    @Test
    void everyEventIsSentInsideOneTransaction() {
        doAnswer(call -> {
                    transactions.log.add("send " + call.getArgument(0) + " in transaction "
                            + TransactionSynchronizationManager.isActualTransactionActive());
                    return true;
                })
                .when(bridge)
                .send(any(String.class), any(Object.class));

        publisher.publishTogether(events);

        assertThat(transactions.log)
                .containsExactly(
                        "begin",
                        "send articleApproved-out-0 in transaction true",
                        "send claimsLibrary-out-0 in transaction true",
                        "commit");
    }

    @Test
    void decisionsAreCountedOnlyOnceCommitted() {
        byte[] claim = EventCatalog.standard()
                .encode(ClaimReviewed.newBuilder()
                        .setEventId("e-1")
                        .setArticleId("art-1")
                        .setRevision(1)
                        .setContentHash("sha256v2:00")
                        .setClaimId("c-1")
                        .setDecision(ClaimDecision.APPROVED)
                        .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                        .setReviewedAt(java.time.Instant.parse("2026-12-07T09:00:00Z"))
                        .build());
        doAnswer(call -> true).when(bridge).send(any(String.class), any(Object.class));

        publisher.publishTogether(
                List.of(new DecisionPublisher.Outgoing(DecisionPublisher.Kind.CLAIM_REVIEWED, "art-1", claim)));

        assertThat(meters.counter("vetted.review.decisions", "kind", "claim", "outcome", "approved")
                        .count())
                .isEqualTo(1.0);
        doAnswer(call -> false).when(bridge).send(any(String.class), any(Object.class));
        assertThatThrownBy(() -> publisher.publishTogether(
                        List.of(new DecisionPublisher.Outgoing(DecisionPublisher.Kind.CLAIM_REVIEWED, "art-1", claim))))
                .isInstanceOf(PublishFailedException.class);
        assertThat(meters.counter("vetted.review.decisions", "kind", "claim", "outcome", "approved")
                        .count())
                .as("a rolled-back decision is not counted")
                .isEqualTo(1.0);
    }

    @Test
    void aFailedSendRollsBackTheWholeTransaction() {
        doAnswer(call -> true).when(bridge).send(eq(StreamDecisionPublisher.ARTICLE_APPROVED), any(Object.class));
        doAnswer(call -> false).when(bridge).send(eq(StreamDecisionPublisher.CLAIMS_LIBRARY), any(Object.class));

        assertThatThrownBy(() -> publisher.publishTogether(events)).isInstanceOf(PublishFailedException.class);

        assertThat(transactions.log).containsExactly("begin", "rollback");
    }
}
