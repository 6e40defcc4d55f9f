package org.vetted.review.domain.withdrawal;

/** How an approved article is withdrawn, mildest first: a takedown goes further than a retraction. */
public enum WithdrawalKind {
    /** Stays readable at its URL, marked retracted with the reason; leaves the lists. */
    RETRACTED,
    /** Taken down: its URL answers 410 Gone, no content is served. */
    UNPUBLISHED;

    /** Whether a decision of this kind may follow one of {@code earlier}: only a step further. */
    public boolean escalates(WithdrawalKind earlier) {
        return compareTo(earlier) > 0;
    }
}
