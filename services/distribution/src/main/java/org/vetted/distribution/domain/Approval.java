package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * The medical approval a rendered article rests on: one revision, the hash of exactly its text, the sign-off, and
 * the reviewers who approved its claims (the signer may be among them).
 */
public record Approval(
        int revision, String contentHash, Reviewer signedOffBy, List<Reviewer> claimReviewers, Instant approvedAt) {
    public Approval {
        claimReviewers = List.copyOf(claimReviewers);
    }

    /** Signed off by the one reviewer who approved every claim. */
    public Approval(int revision, String contentHash, Reviewer signedOffBy, Instant approvedAt) {
        this(revision, contentHash, signedOffBy, List.of(), approvedAt);
    }
}
