package org.vetted.review.domain.board;

/** How a revision was returned to its writers without approval. */
public enum ReviewOutcome {
    CHANGES_REQUESTED,
    REJECTED;

    public ReviewStatus status() {
        return this == CHANGES_REQUESTED ? ReviewStatus.CHANGES_REQUESTED : ReviewStatus.REJECTED;
    }
}
