package org.vetted.review.domain.board;

import java.time.Instant;
import java.util.List;
import org.vetted.review.domain.staff.Reviewer;

/** The medical approval of one revision, bound to the hash of exactly its text. */
public record Approval(
        int revision, String contentHash, Reviewer signedOffBy, List<Reviewer> claimReviewers, Instant approvedAt) {
    public Approval {
        claimReviewers = List.copyOf(claimReviewers);
    }
}
