package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.List;

/** One condition of the review gate; returns the reasons it blocks, none when it passes. */
@FunctionalInterface
public interface GateRule {
    List<String> blockers(SignOffRequest request, ArticleReview review);

    default GateResult check(SignOffRequest request, ArticleReview review) {
        List<String> reasons = blockers(request, review);
        return reasons.isEmpty() ? GateResult.PASSED : new Blocked(reasons);
    }

    /**
     * Each claim of the revision has, as its latest decision, an approval by a reviewer with a credential.
     * A rejected claim blocks: the reviewer should request changes instead.
     */
    static GateRule everyClaimApprovedByACredentialedReviewer() {
        return (request, review) -> {
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

    static GateRule signerIsAMedicalReviewerWithACredential() {
        return (request, review) -> request.actor().isCredentialedMedicalReviewer() ? List.of()
                : List.of(request.actor().username() + " is not a medical reviewer with a credential");
    }

    /** Neither the signer nor any reviewer who approved a claim is an author of the article. */
    static GateRule noReviewerApprovesOwnArticle() {
        return (request, review) -> {
            List<String> reasons = new ArrayList<>();
            if (review.draft().isAuthoredBy(request.actor().username())) {
                reasons.add(request.actor().username() + " wrote this article and may not approve it");
            }
            for (Reviewer approver : review.claimApprovers()) {
                if (review.draft().isAuthoredBy(approver.username())) {
                    reasons.add(approver.username() + " approved claims of an article they wrote");
                }
            }
            return reasons;
        };
    }

    /** If the request names a content hash, it is the current one: the reviewer approves exactly the text they saw. */
    static GateRule approvalIsForTheCurrentRevision() {
        return (request, review) -> request.contentHash() == null
                || request.contentHash().equals(review.draft().contentHash()) ? List.of()
                : List.of("the text you reviewed (" + request.contentHash() + ") is not the current revision "
                        + review.revision() + " (" + review.draft().contentHash() + ")");
    }

    static GateRule revisionIsStillOpen() {
        return (request, review) -> review.isOpen() ? List.of()
                : List.of("revision " + review.revision() + " is already signed off (" + review.status() + ")");
    }

    static List<GateRule> defaults() {
        return List.of(revisionIsStillOpen(), approvalIsForTheCurrentRevision(), signerIsAMedicalReviewerWithACredential(),
                noReviewerApprovesOwnArticle(), everyClaimApprovedByACredentialedReviewer());
    }
}
