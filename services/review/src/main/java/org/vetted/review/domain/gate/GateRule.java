package org.vetted.review.domain.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.staff.Reviewer;

/**
 * One condition the claim decisions of a revision must meet before it may be approved; returns the reasons it
 * blocks, none when it passes. Who signs and which text they sign are {@link SignOffRule}s, asked first; the gate
 * looks only at the decisions as they stand on the board ({@link ArticleReview#claimStates()}: made on this revision
 * or carried over), including decisions read back from Kafka that no rule on this instance checked (another
 * instance's, or ones written before a rule existed).
 */
@FunctionalInterface
public interface GateRule {
    List<String> blockers(ArticleReview review);

    /**
     * Each claim of the revision is approved by at least one reviewer with a credential, carried over or here, and
     * rejected by nobody: a rejection by any reviewer blocks (the reviewer should request changes instead) until that
     * reviewer decides otherwise.
     */
    static GateRule everyClaimApprovedByACredentialedReviewer() {
        return review -> {
            List<String> reasons = new ArrayList<>();
            for (ClaimState state : review.claimStates()) {
                String claimId = state.claim().id();
                if (state.decisions().isEmpty()) {
                    reasons.add("claim " + claimId + " is not decided yet");
                } else if (state.isRejected()) {
                    reasons.add("claim " + claimId + " was rejected by "
                            + state.firstRejection().orElseThrow().reviewer().username()
                            + ": request changes instead of approving");
                } else if (state.approvals() == 0) {
                    reasons.add("claim " + claimId + " was approved by "
                            + state.latest().orElseThrow().reviewer().username() + ", who has no credential");
                }
            }
            return reasons;
        };
    }

    /**
     * Each claim of a {@code FourEyesRule} risk class is approved by two distinct credentialed reviewers (one person
     * under two spellings is one reviewer); names every claim that has one approval and needs a second.
     */
    static GateRule highRiskClaimsApprovedByTwoReviewers() {
        return review -> review.claimStates().stream()
                .filter(state ->
                        !state.isRejected() && state.approvals() > 0 && state.approvals() < state.approvalsNeeded())
                .map(state -> "claim " + state.claim().id() + " needs a second reviewer ("
                        + String.join(", ", state.riskClasses())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', ' ')
                        + "): approved by "
                        + String.join(
                                ", ",
                                state.credentialedApprovers().stream()
                                        .map(Reviewer::username)
                                        .toList()) + " only")
                .toList();
    }

    /** No reviewer whose approval counts for a claim of the revision is one of its authors. */
    static GateRule noClaimApprovedByAnAuthor() {
        return review -> review.claimApprovers().stream()
                .filter(approver -> review.draft()
                        .creditedAs(approver.username(), approver.displayName())
                        .isPresent())
                .map(approver -> approver.username() + " approved claims of an article they wrote")
                .toList();
    }

    static List<GateRule> defaults() {
        return List.of(
                everyClaimApprovedByACredentialedReviewer(),
                highRiskClaimsApprovedByTwoReviewers(),
                noClaimApprovedByAnAuthor());
    }
}
