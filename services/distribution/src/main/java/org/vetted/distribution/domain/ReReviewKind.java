package org.vetted.distribution.domain;

/** What a re-review notice says: the review is due, or it expired. */
public enum ReReviewKind {
    DUE,
    EXPIRED
}
