package org.vetted.review.domain.gate;

import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.draft.ReviewerText;
import org.vetted.review.domain.staff.Actor;

/**
 * A reviewer's wish to decide one claim of the revision they saw. Claim ids are stable across revisions, so the
 * revision is required: without it a decision made on revision 1 could land on revision 2. {@code comment},
 * {@code reference} and {@code libraryKey} (the library entry an acceptance comes from) may be null. The comment is
 * kept in {@link ReviewerText}'s normal form, so the rules, the event and the writer read the same words.
 */
public record ClaimDecisionRequest(
        Actor actor,
        String claimId,
        ClaimVerdict verdict,
        String comment,
        String reference,
        int revision,
        String libraryKey) {

    public ClaimDecisionRequest {
        comment = ReviewerText.normal(comment);
    }

    /** A decision of the reviewer's own, not accepted from the claims library. */
    public ClaimDecisionRequest(
            Actor actor, String claimId, ClaimVerdict verdict, String comment, String reference, int revision) {
        this(actor, claimId, verdict, comment, reference, revision, null);
    }
}
