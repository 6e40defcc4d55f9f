package org.vetted.review.domain.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewEvent.ReviewStatusChanged;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.rereview.ReReviewSchedule;
import org.vetted.review.domain.rereview.ReReviewStatus;

/** What a re-review notice does to the board: an expiry reopens exactly the approval it names, in any order. */
class ReReviewBoardTest {
    private static final Instant FIRST = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant SECOND = FIRST.plus(Duration.ofDays(366));
    private final Draft draft = Drafts.revision(1);

    private static RevisionApproved approved(String eventId, Draft draft, Instant at) {
        return new RevisionApproved(
                eventId,
                draft.articleId(),
                new Approval(
                        draft.revision(),
                        draft.contentHash(),
                        Actors.RITA.asReviewer(),
                        List.of(Actors.RITA.asReviewer()),
                        at),
                null);
    }

    private ReviewStatusChanged notice(ReReviewStatus status, Instant approvedAt) {
        return new ReviewStatusChanged(ReReviewSchedule.notice(
                status,
                draft.articleId(),
                draft.revision(),
                draft.contentHash(),
                draft.slug(),
                approvedAt,
                approvedAt.plus(Duration.ofDays(365)),
                null,
                null,
                approvedAt.plus(Duration.ofDays(status == ReReviewStatus.DUE ? 335 : 365))));
    }

    @Test
    void dueChangesNothingButIsShownAndExpiryReopensTheApprovedRevision() {
        ReviewBoard board = new ReviewBoard();
        board.apply(new DraftArrived("d1", draft));
        board.apply(approved("a1", draft, FIRST));

        board.apply(notice(ReReviewStatus.DUE, FIRST));
        assertThat(board.find(draft.articleId()).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(board.reReview(draft.articleId())).get().extracting("status").isEqualTo(ReReviewStatus.DUE);
        assertThat(board.awaitingDecision()).isEmpty();

        board.apply(notice(ReReviewStatus.EXPIRED, FIRST));
        assertThat(board.find(draft.articleId()).orElseThrow().status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(board.isReReview(draft.articleId())).isTrue();
        assertThat(board.awaitingDecision())
                .extracting(ArticleReview::articleId)
                .containsExactly(draft.articleId());
        assertThat(board.withdrawals(draft.articleId()).lastApproved())
                .as("still withdrawable while under re-review")
                .isPresent();

        // Signed off again: a new approval of the same text, which the old expiry does not touch.
        board.apply(approved("a2", draft, SECOND));
        assertThat(board.find(draft.articleId()).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(board.find(draft.articleId()).orElseThrow().approval().approvedAt())
                .isEqualTo(SECOND);
        assertThat(board.reReview(draft.articleId())).isEmpty();
        assertThat(board.isReReview(draft.articleId())).isFalse();
    }

    @Test
    void theOutcomeIsTheSameInEveryOrderTheFactsAreRead() {
        List<ReviewEvent> facts = List.of(
                new DraftArrived("d1", draft),
                approved("a1", draft, FIRST),
                notice(ReReviewStatus.DUE, FIRST),
                notice(ReReviewStatus.EXPIRED, FIRST),
                approved("a2", draft, SECOND));
        List<List<ReviewEvent>> orders = permutations(facts);
        assertThat(orders).hasSize(120);
        for (List<ReviewEvent> order : orders) {
            ReviewBoard board = new ReviewBoard();
            order.forEach(board::apply);
            ArticleReview review = board.find(draft.articleId()).orElseThrow();
            assertThat(review.status()).as("%s", order).isEqualTo(ReviewStatus.APPROVED);
            assertThat(review.approval().approvedAt()).as("%s", order).isEqualTo(SECOND);
        }
        List<ReviewEvent> expiredLast = new ArrayList<>(facts.subList(0, 4));
        for (List<ReviewEvent> order : permutations(expiredLast)) {
            ReviewBoard board = new ReviewBoard();
            order.forEach(board::apply);
            assertThat(board.find(draft.articleId()).orElseThrow().status())
                    .as("%s", order)
                    .isEqualTo(ReviewStatus.OPEN);
        }
    }

    @Test
    void anExpiryOfAnotherTextOrRevisionReopensNothing() {
        ReviewBoard board = new ReviewBoard();
        Draft second = Drafts.revision(2);
        board.apply(new DraftArrived("d1", draft));
        board.apply(approved("a1", draft, FIRST));
        board.apply(new DraftArrived("d2", second));
        board.apply(approved("a2", second, SECOND));

        board.apply(notice(ReReviewStatus.EXPIRED, FIRST));

        assertThat(board.find(draft.articleId()).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(board.awaitingDecision()).isEmpty();
    }

    private static List<List<ReviewEvent>> permutations(List<ReviewEvent> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<ReviewEvent>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<ReviewEvent> rest = new ArrayList<>(items);
            ReviewEvent first = rest.remove(i);
            for (List<ReviewEvent> tail : permutations(rest)) {
                List<ReviewEvent> order = new ArrayList<>(Collections.singletonList(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
