package org.vetted.distribution.domain;

/** How review withdrew an approved article, mildest first. */
public enum WithdrawalKind {
    /** Stays readable at its URL, marked retracted with the reason; leaves the lists. */
    RETRACTED,
    /** Taken down: its URL answers 410 Gone and nothing of it is served. */
    UNPUBLISHED;

    /** Whether this goes further than {@code earlier}: only such a decision changes a withdrawn article. */
    public boolean escalates(WithdrawalKind earlier) {
        return compareTo(earlier) > 0;
    }
}
