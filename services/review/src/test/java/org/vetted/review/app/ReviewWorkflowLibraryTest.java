package org.vetted.review.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewStatus;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.gate.ReviewDesk;
import org.vetted.review.domain.gate.SignOffDecision;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.InMemoryLibraryEntries;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;

/** An approval and its library entries are published together, and applied only once that succeeded. */
class ReviewWorkflowLibraryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ReviewBoard board = new ReviewBoard();
    private final DecisionPublisher publisher = mock(DecisionPublisher.class);
    private final ClaimLibrary library = new ClaimLibrary(new InMemoryLibraryEntries());
    private final AtomicInteger ids = new AtomicInteger();
    private final ReviewWorkflow workflow = new ReviewWorkflow(
            new InMemoryReviewStore(board, library, Clock.fixed(NOW, ZoneOffset.UTC)),
            ReviewDesk.withDefaultRules(),
            publisher,
            new SignedEventRecords(new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW))),
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "event-" + ids.incrementAndGet(),
            Duration.ofDays(30));

    @BeforeEach
    void bothClaimsApprovedByTwoReviewersOneWithAReference() {
        board.apply(new DraftArrived("d1", Drafts.withTwoClaims()));
        approve(Actors.RITA, "c-nausea", "doi:10.1000/ginger");
        approve(Actors.PAUL, "c-nausea", null);
        approve(Actors.RITA, "c-dose", null);
        approve(Actors.PAUL, "c-dose", null);
    }

    private void approve(Actor actor, String claimId, String reference) {
        assertThat(workflow.decideClaim(
                        Drafts.ARTICLE,
                        new ClaimDecisionRequest(actor, claimId, ClaimVerdict.APPROVED, null, reference, 1)))
                .isInstanceOf(ClaimOutcome.Decided.class);
    }

    private SignOffOutcome approveArticle() {
        return workflow.signOff(
                Drafts.ARTICLE,
                new SignOffRequest(
                        Actors.PAUL,
                        SignOffDecision.APPROVE,
                        null,
                        Drafts.withTwoClaims().contentHash()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApprovalAndItsLibraryEntriesArePublishedInOneCall() {
        assertThat(approveArticle()).isInstanceOf(SignOffOutcome.Approved.class);

        ArgumentCaptor<List<DecisionPublisher.Outgoing>> together = ArgumentCaptor.forClass(List.class);
        verify(publisher).publishTogether(together.capture());
        verify(publisher, never()).publish(argThat(event -> event.kind() == DecisionPublisher.Kind.ARTICLE_APPROVED));
        List<DecisionPublisher.Outgoing> events = together.getValue();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).kind()).isEqualTo(DecisionPublisher.Kind.ARTICLE_APPROVED);
        assertThat(events.get(0).key()).isEqualTo(Drafts.ARTICLE);
        assertThat(events.get(1).kind()).isEqualTo(DecisionPublisher.Kind.CLAIMS_LIBRARY);
        assertThat(events.get(1).key()).isEqualTo(ClaimLibrary.keyOf(Drafts.NAUSEA.text()));
        assertThat(EventCatalog.standard().decode(events.get(1).record()))
                .isInstanceOfSatisfying(ClaimLibraryEntry.class, entry -> {
                    assertThat(entry.getReferences()).containsExactly("doi:10.1000/ginger");
                    assertThat(entry.getReviewer().getUsername()).isEqualTo("rita");
                    assertThat(entry.getExpiresAt())
                            .isEqualTo(entry.getApprovedAt().plus(Duration.ofDays(30)));
                });
        assertThat(library.find(ClaimLibrary.keyOf(Drafts.NAUSEA.text()))).isPresent();
        assertThat(board.find(Drafts.ARTICLE).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void whenTheTransactionFailsNeitherTheBoardNorTheLibraryChange() {
        doThrow(new PublishFailedException("broker down", null)).when(publisher).publishTogether(anyList());

        assertThatThrownBy(this::approveArticle).isInstanceOf(PublishFailedException.class);

        assertThat(board.find(Drafts.ARTICLE).orElseThrow().status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(library.size()).isZero();
    }
}
