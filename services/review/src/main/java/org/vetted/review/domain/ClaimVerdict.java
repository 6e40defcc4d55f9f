package org.vetted.review.domain;

/** A reviewer's verdict on one claim. */
public enum ClaimVerdict {
    APPROVED, REJECTED
}
