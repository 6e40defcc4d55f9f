package org.vetted.review.domain.gate;

import java.util.List;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.draft.ReviewerText;

/** One rule a claim decision must pass. */
@FunctionalInterface
public interface ClaimDecisionRule {
    Permission check(ClaimDecisionRequest request, ArticleReview review);

    static ClaimDecisionRule actorIsACredentialedMedicalReviewer() {
        return (request, review) -> request.actor().isCredentialedMedicalReviewer()
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.NOT_A_CREDENTIALED_REVIEWER,
                        "only a medical reviewer with a credential may decide claims");
    }

    static ClaimDecisionRule actorIsNotAnAuthor() {
        return (request, review) -> review.draft()
                .creditedAs(request.actor().username(), request.actor().displayName())
                .<Permission>map(credit -> Permission.refused(
                        Refusal.OWN_ARTICLE,
                        "a reviewer may not decide claims of an article they wrote (credited as \""
                                + credit.displayName() + "\")"))
                .orElse(Permission.ALLOWED);
    }

    static ClaimDecisionRule claimExistsInTheCurrentRevision() {
        return (request, review) -> review.draft().claim(request.claimId()).isPresent()
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.UNKNOWN_CLAIM,
                        "claim " + request.claimId() + " is not in revision " + review.revision() + " of the article");
    }

    static ClaimDecisionRule revisionIsStillOpen() {
        return (request, review) -> review.isOpen()
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.REVISION_CLOSED,
                        "revision " + review.revision() + " is already signed off (" + review.status() + ")");
    }

    static ClaimDecisionRule decisionIsForTheCurrentRevision() {
        return (request, review) -> request.revision() == review.revision()
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.STALE_REVISION,
                        "the decision is for revision " + request.revision() + " but the current revision is "
                                + review.revision());
    }

    /**
     * A rejection says why: the writer has to act on it, and a second reviewer has to weigh it. An approval may go
     * without a comment (its reference says enough).
     */
    static ClaimDecisionRule rejectingSaysWhy() {
        return (request, review) ->
                request.verdict() != ClaimVerdict.REJECTED || ReviewerText.hasText(request.comment())
                        ? Permission.ALLOWED
                        : Permission.refused(
                                Refusal.REJECTION_UNEXPLAINED,
                                "rejecting a claim needs a comment saying why, for the writer to act on");
    }

    /**
     * The rules in the order they are asked: who may decide, then on which revision (a stale revision is reported
     * as such even when its claim is gone from the current one), then what may be decided.
     */
    static List<ClaimDecisionRule> defaults() {
        return List.of(
                actorIsACredentialedMedicalReviewer(),
                actorIsNotAnAuthor(),
                decisionIsForTheCurrentRevision(),
                revisionIsStillOpen(),
                claimExistsInTheCurrentRevision(),
                rejectingSaysWhy());
    }
}
