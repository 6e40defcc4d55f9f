package org.vetted.review.domain.board;

/** A reviewer's verdict on one claim. */
public enum ClaimVerdict {
    APPROVED,
    REJECTED
}
