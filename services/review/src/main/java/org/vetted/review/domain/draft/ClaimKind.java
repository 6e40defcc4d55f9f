package org.vetted.review.domain.draft;

/** What a health claim asserts. */
public enum ClaimKind {
    EFFECT,
    RISK,
    DOSE,
    MECHANISM,
    OTHER
}
