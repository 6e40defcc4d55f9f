package org.vetted.review.domain.board;

/** Where a revision stands: open for decisions, or closed by a sign-off. */
public enum ReviewStatus {
    OPEN,
    APPROVED,
    CHANGES_REQUESTED,
    REJECTED
}
