package org.vetted.review.domain;

import java.time.Instant;
import java.util.List;

/** The medical approval of one revision, bound to the hash of exactly its text. */
public record Approval(int revision, String contentHash, Reviewer signedOffBy, List<Reviewer> claimReviewers,
        Instant approvedAt) {
    public Approval {
        claimReviewers = List.copyOf(claimReviewers);
    }
}
