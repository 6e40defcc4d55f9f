package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One condition the claim decisions of a revision must meet before it may be approved; returns the reasons it
 * blocks, none when it passes. Who signs and which text they sign are {@link SignOffRule}s, asked first; the gate
 * looks only at the decisions as they stand on the board, including decisions read back from Kafka that no rule on
 * this instance checked (another instance's, or ones written before a rule existed).
 */
@FunctionalInterface
public interface GateRule {
    List<String> blockers(ArticleReview review);

    /**
     * Each claim of the revision has, as its latest decision, an approval by a reviewer with a credential.
     * A rejected claim blocks: the reviewer should request changes instead.
     */
    static GateRule everyClaimApprovedByACredentialedReviewer() {
        return review -> {
            List<String> reasons = new ArrayList<>();
            for (Claim claim : review.draft().claims()) {
                ClaimDecision decision = review.decisions().get(claim.id());
                if (decision == null) {
                    reasons.add("claim " + claim.id() + " is not decided yet");
                } else if (!decision.isApproved()) {
                    reasons.add("claim " + claim.id() + " was rejected by " + decision.reviewer().username()
                            + ": request changes instead of approving");
                } else if (!decision.reviewer().hasCredential()) {
                    reasons.add("claim " + claim.id() + " was approved by " + decision.reviewer().username()
                            + ", who has no credential");
                }
            }
            return reasons;
        };
    }

    /** No reviewer who approved a claim of the revision is one of its authors. */
    static GateRule noClaimApprovedByAnAuthor() {
        return review -> review.claimApprovers().stream()
                .filter(approver -> review.draft().creditedAs(approver.username(), approver.displayName()).isPresent())
                .map(approver -> approver.username() + " approved claims of an article they wrote")
                .toList();
    }

    static List<GateRule> defaults() {
        return List.of(everyClaimApprovedByACredentialedReviewer(), noClaimApprovedByAnAuthor());
    }
}
