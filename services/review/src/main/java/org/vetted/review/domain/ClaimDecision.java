package org.vetted.review.domain;

import java.time.Instant;

/**
 * A reviewer's verdict on one claim of one revision (the revision it was made on: a decision carried over to a later
 * revision keeps it); {@code comment} and {@code reference} may be null.
 */
public record ClaimDecision(String claimId, int revision, ClaimVerdict verdict, String comment, String reference,
        Reviewer reviewer, Instant at) {

    public boolean isApproved() {
        return verdict == ClaimVerdict.APPROVED;
    }

    /** Whether this decision and {@code other} are one person's on the same claim: the later one replaces it. */
    boolean sameClaimAndPerson(ClaimDecision other) {
        return claimId.equals(other.claimId) && reviewer.isSamePersonAs(other.reviewer);
    }
}
