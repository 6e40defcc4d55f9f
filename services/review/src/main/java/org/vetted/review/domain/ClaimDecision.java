package org.vetted.review.domain;

import java.time.Instant;

/** A reviewer's verdict on one claim of one revision; {@code comment} and {@code reference} may be null. */
public record ClaimDecision(String claimId, ClaimVerdict verdict, String comment, String reference,
        Reviewer reviewer, Instant at) {

    public boolean isApproved() {
        return verdict == ClaimVerdict.APPROVED;
    }
}
