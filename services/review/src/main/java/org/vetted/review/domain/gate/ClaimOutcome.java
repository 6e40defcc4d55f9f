package org.vetted.review.domain.gate;

import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.draft.Claim;

/** What deciding a claim came to: a fact to publish, or a refusal. */
public sealed interface ClaimOutcome permits ClaimOutcome.Decided, Refused {
    /**
     * {@code claim} is the decided claim as it stands in the revision the decision was made on; {@code review} is that
     * revision with the decision applied, as the board will hold it once the event is applied.
     */
    record Decided(ClaimDecided event, Claim claim, ArticleReview review) implements ClaimOutcome {
    }
}
