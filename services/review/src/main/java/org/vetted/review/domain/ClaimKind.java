package org.vetted.review.domain;

/** What a health claim asserts. */
public enum ClaimKind {
    EFFECT, RISK, DOSE, MECHANISM, OTHER
}
