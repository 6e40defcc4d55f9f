package org.vetted.review.domain.board;

import java.time.Instant;
import org.vetted.review.domain.staff.Reviewer;

/**
 * A reviewer's verdict on one claim of one revision (the revision it was made on: a decision carried over to a later
 * revision keeps it); {@code comment} and {@code reference} may be null. {@code libraryKey}: the claims library entry
 * the decision was accepted from, or null; it stops counting in an unapproved revision once that entry is retired.
 */
public record ClaimDecision(
        String claimId,
        int revision,
        ClaimVerdict verdict,
        String comment,
        String reference,
        Reviewer reviewer,
        Instant at,
        String libraryKey) {

    /** A decision made by the reviewer's own reading, not accepted from the library. */
    public ClaimDecision(
            String claimId,
            int revision,
            ClaimVerdict verdict,
            String comment,
            String reference,
            Reviewer reviewer,
            Instant at) {
        this(claimId, revision, verdict, comment, reference, reviewer, at, null);
    }

    public boolean isApproved() {
        return verdict == ClaimVerdict.APPROVED;
    }

    /** Whether this decision and {@code other} are one person's on the same claim: the later one replaces it. */
    boolean sameClaimAndPerson(ClaimDecision other) {
        return claimId.equals(other.claimId) && reviewer.isSamePersonAs(other.reviewer);
    }
}
