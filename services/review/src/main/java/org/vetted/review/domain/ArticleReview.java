package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The latest revision of one article under review: its draft, the decisions made on it (one per claim and person, a
 * person's later decision replacing their earlier one), its status, and what it takes from earlier revisions
 * ({@link EarlierReviews}: approvals carried over, revisions to compare with). Where each claim stands is derived
 * from these ({@link #claimStates()}) under the {@link FourEyesRule}. Immutable; each change returns a new value.
 */
public record ArticleReview(Draft draft, List<ClaimDecision> decisions, ReviewStatus status, Approval approval,
        EarlierReviews earlier, FourEyesRule fourEyes) {

    public ArticleReview {
        decisions = List.copyOf(decisions);
        earlier = earlier == null ? EarlierReviews.NONE : earlier;
        fourEyes = fourEyes == null ? FourEyesRule.defaults() : fourEyes;
    }

    /** A revision just submitted: open, nothing decided, nothing carried, the default four-eyes classes. */
    public static ArticleReview opened(Draft draft) {
        return opened(draft, FourEyesRule.defaults());
    }

    public static ArticleReview opened(Draft draft, FourEyesRule fourEyes) {
        return new ArticleReview(draft, List.of(), ReviewStatus.OPEN, null, EarlierReviews.NONE, fourEyes);
    }

    public String articleId() {
        return draft.articleId();
    }

    public int revision() {
        return draft.revision();
    }

    public boolean isOpen() {
        return status == ReviewStatus.OPEN;
    }

    /** Decisions made on this revision about the claim, one per person, latest last. */
    public List<ClaimDecision> decisionsOn(String claimId) {
        return decisions.stream().filter(decision -> decision.claimId().equals(claimId)).toList();
    }

    /** Where each claim stands, in the order of the text. */
    public List<ClaimState> claimStates() {
        return draft.claims().stream().map(this::stateOf).toList();
    }

    public Optional<ClaimState> claimState(String claimId) {
        return draft.claim(claimId).map(this::stateOf);
    }

    private ClaimState stateOf(Claim claim) {
        return ClaimState.of(claim, decisionsOn(claim.id()), earlier.carried().get(claim.id()), fourEyes);
    }

    /** The latest decision that counts for the claim, carried over or made here. */
    public Optional<ClaimDecision> decisionFor(String claimId) {
        return claimState(claimId).flatMap(ClaimState::latest);
    }

    /** How many claims still need a decision (not rejected, not yet approved by as many reviewers as they need). */
    public int openCount() {
        return (int) claimStates().stream().filter(ClaimState::isOpen).count();
    }

    /** How many claims no longer need a decision: approved as they need (here or carried over), or rejected. */
    public int decidedCount() {
        return draft.claims().size() - openCount();
    }

    public boolean everyClaimApproved() {
        return claimStates().stream().allMatch(ClaimState::isApproved);
    }

    /** Ids of the claims rejected by a decision that counts, in the order of the text. */
    public List<String> rejectedClaimIds() {
        return claimStates().stream().filter(ClaimState::isRejected).map(state -> state.claim().id()).toList();
    }

    /**
     * The distinct reviewers (by person, however spelled) whose approvals count for claims of this revision, carried
     * over ones included, in the order of the text.
     */
    public List<Reviewer> claimApprovers() {
        List<Reviewer> approvers = new ArrayList<>();
        for (ClaimState state : claimStates()) {
            for (ClaimDecision decision : state.decisions()) {
                if (decision.isApproved()
                        && approvers.stream().noneMatch(known -> known.isSamePersonAs(decision.reviewer()))) {
                    approvers.add(decision.reviewer());
                }
            }
        }
        return List.copyOf(approvers);
    }

    ArticleReview withDecision(ClaimDecision decision) {
        return new ArticleReview(draft, EarlierRevision.replacing(decisions, decision), status, approval, earlier,
                fourEyes);
    }

    ArticleReview withEarlier(EarlierReviews reviews) {
        return new ArticleReview(draft, decisions, status, approval, reviews, fourEyes);
    }

    ArticleReview approved(Approval granted) {
        return new ArticleReview(draft, decisions, ReviewStatus.APPROVED, granted, earlier, fourEyes);
    }

    ArticleReview returned(ReviewOutcome outcome) {
        return new ArticleReview(draft, decisions, outcome.status(), null, earlier, fourEyes);
    }
}
