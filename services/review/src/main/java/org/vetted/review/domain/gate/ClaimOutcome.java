package org.vetted.review.domain.gate;

import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.draft.Claim;

/** What deciding a claim came to: a fact to publish, or a refusal. */
public sealed interface ClaimOutcome permits ClaimOutcome.Decided, Refused {
    /**
     * {@code claim} is the decided claim as it stands in the revision the decision was made on; {@code review} is that
     * revision with the decision applied, as the board will hold it once the event is applied. {@code approvedAgain}:
     * the reviewer had already approved the claim, so this approval changes nothing in its count.
     */
    record Decided(ClaimDecided event, Claim claim, ArticleReview review, boolean approvedAgain)
            implements ClaimOutcome {

        /**
         * An approval after which the claim still needs another reviewer's, which this reviewer cannot give: one
         * person counts once for a claim that needs two (four eyes).
         */
        public boolean awaitsAnotherReviewer() {
            return event.decision().isApproved()
                    && review.claimState(claim.id())
                            .map(state -> state.isOpen() && !state.isRejected() && state.approvals() > 0)
                            .orElse(false);
        }
    }
}
