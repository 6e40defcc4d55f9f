package org.vetted.review.domain;

/**
 * A reviewer's wish to decide one claim. {@code revision} is the revision the reviewer saw, or null when not given;
 * {@code comment} and {@code reference} may be null.
 */
public record ClaimDecisionRequest(Actor actor, String claimId, ClaimVerdict verdict, String comment,
        String reference, Integer revision) {
}
