package org.vetted.review.domain;

/**
 * A reviewer's wish to decide one claim of the revision they saw. Claim ids are stable across revisions, so the
 * revision is required: without it a decision made on revision 1 could land on revision 2. {@code comment} and
 * {@code reference} may be null.
 */
public record ClaimDecisionRequest(Actor actor, String claimId, ClaimVerdict verdict, String comment,
        String reference, int revision) {
}
