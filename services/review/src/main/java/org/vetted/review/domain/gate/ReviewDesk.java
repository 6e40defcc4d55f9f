package org.vetted.review.domain.gate;

import java.time.Instant;
import java.util.List;
import org.vetted.review.domain.board.Approval;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.board.ReviewOutcome;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;

/**
 * Turns a reviewer's request into the fact to publish, or says why not. Returns values only: the caller publishes
 * the fact, then applies it to the {@code ReviewBoard}.
 */
public final class ReviewDesk {
    private final List<ClaimDecisionRule> claimRules;
    private final List<SignOffRule> signOffRules;
    private final ReviewGate gate;

    public ReviewDesk(List<ClaimDecisionRule> claimRules, List<SignOffRule> signOffRules, ReviewGate gate) {
        this.claimRules = List.copyOf(claimRules);
        this.signOffRules = List.copyOf(signOffRules);
        this.gate = gate;
    }

    public static ReviewDesk withDefaultRules() {
        return new ReviewDesk(ClaimDecisionRule.defaults(), SignOffRule.defaults(), ReviewGate.withDefaultRules());
    }

    public ClaimOutcome decideClaim(ArticleReview review, ClaimDecisionRequest request, String eventId, Instant now) {
        for (ClaimDecisionRule rule : claimRules) {
            if (rule.check(request, review) instanceof Refused refused) {
                return refused;
            }
        }
        ClaimDecision decision = new ClaimDecision(
                request.claimId(),
                review.revision(),
                request.verdict(),
                request.comment(),
                request.reference(),
                request.actor().asReviewer(),
                now,
                request.libraryKey());
        Claim claim = review.draft()
                .claim(request.claimId())
                .orElseThrow(() -> new IllegalStateException("claimExistsInTheCurrentRevision was not asked"));
        boolean approvedAgain = decision.isApproved()
                && review.claimState(claim.id())
                        .map(state -> state.credentialedApprovers().stream()
                                .anyMatch(approver -> approver.isSamePersonAs(decision.reviewer())))
                        .orElse(false);
        return new ClaimOutcome.Decided(
                new ClaimDecided(
                        eventId,
                        review.articleId(),
                        review.revision(),
                        review.draft().contentHash(),
                        decision),
                claim,
                review.withDecision(decision),
                approvedAgain);
    }

    public SignOffOutcome signOff(ArticleReview review, SignOffRequest request, String eventId, Instant now) {
        for (SignOffRule rule : signOffRules) {
            if (rule.check(request, review) instanceof Refused refused) {
                return refused;
            }
        }
        Draft draft = review.draft();
        if (request.decision() == SignOffDecision.APPROVE) {
            if (gate.check(review) instanceof Blocked blocked) {
                return blocked;
            }
            // The approval binds the whole text's hash; its claim reviewers include those of carried-over approvals.
            Approval approval = new Approval(
                    draft.revision(), draft.contentHash(), request.actor().asReviewer(), review.claimApprovers(), now);
            return new SignOffOutcome.Approved(
                    new RevisionApproved(eventId, draft.articleId(), approval, request.comment(), review.provenance()),
                    draft);
        }
        ReviewOutcome outcome =
                request.decision() == SignOffDecision.REJECT ? ReviewOutcome.REJECTED : ReviewOutcome.CHANGES_REQUESTED;
        return new SignOffOutcome.Returned(new RevisionReturned(
                eventId,
                draft.articleId(),
                draft.revision(),
                draft.contentHash(),
                outcome,
                request.comment(),
                review.rejectedClaimIds(),
                request.actor().asReviewer(),
                now));
    }
}
