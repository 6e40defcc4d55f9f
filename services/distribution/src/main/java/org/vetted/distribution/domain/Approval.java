package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * The medical approval a rendered article rests on: one revision, the hash of exactly its text, the sign-off, the
 * reviewers who approved its claims (the signer may be among them) and how each claim was reviewed
 * ({@code claimProvenance}, under review's seal; empty in approvals made before the contract carried it).
 */
public record Approval(
        int revision,
        String contentHash,
        Reviewer signedOffBy,
        List<Reviewer> claimReviewers,
        Instant approvedAt,
        List<ClaimProvenance> claimProvenance) {
    public Approval {
        claimReviewers = List.copyOf(claimReviewers);
        claimProvenance = List.copyOf(claimProvenance);
    }

    public Approval(
            int revision, String contentHash, Reviewer signedOffBy, List<Reviewer> claimReviewers, Instant approvedAt) {
        this(revision, contentHash, signedOffBy, claimReviewers, approvedAt, List.of());
    }

    /** Signed off by the one reviewer who approved every claim. */
    public Approval(int revision, String contentHash, Reviewer signedOffBy, Instant approvedAt) {
        this(revision, contentHash, signedOffBy, List.of(), approvedAt);
    }
}
