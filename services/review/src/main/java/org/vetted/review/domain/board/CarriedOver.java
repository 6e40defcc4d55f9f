package org.vetted.review.domain.board;

import java.util.List;

/**
 * Approvals of a claim carried over from earlier revisions, each as it was made (reviewer, comment, reference, time
 * and the revision it was made on), oldest first. Never empty, and never a rejection: a rejection does not carry.
 */
public record CarriedOver(List<ClaimDecision> approvals) {
    public CarriedOver {
        approvals = List.copyOf(approvals);
        if (approvals.isEmpty() || approvals.stream().anyMatch(decision -> !decision.isApproved())) {
            throw new IllegalArgumentException("only approvals carry over, at least one");
        }
    }

    /** The latest approval carried. */
    public ClaimDecision decision() {
        return approvals.get(approvals.size() - 1);
    }

    /** The revision the latest approval carried was made on. */
    public int fromRevision() {
        return decision().revision();
    }
}
