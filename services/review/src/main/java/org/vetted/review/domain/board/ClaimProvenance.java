package org.vetted.review.domain.board;

import java.util.List;

/**
 * How one claim of an approved revision was reviewed: its sentence as approved, and the approvals it rests on, each
 * as it was made. An approval carried over from an earlier revision keeps that revision, its own time, reviewer and
 * reference, so the published page credits the decision that was actually made, not the sign-off.
 *
 * @param section   the heading path the claim stands under, or null
 * @param approvals the approvals that count for the claim, one per person, in the order they were made
 */
public record ClaimProvenance(String claimId, String sentence, String section, List<ClaimDecision> approvals) {
    public ClaimProvenance {
        approvals = List.copyOf(approvals);
        if (approvals.stream().anyMatch(decision -> !decision.isApproved())) {
            throw new IllegalArgumentException("a claim's provenance lists approvals only");
        }
    }
}
