package org.vetted.review.domain.gate;

import java.util.List;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.draft.ReviewerText;

/** One rule every sign-off (approve, request changes, reject) must pass before the review gate is asked. */
@FunctionalInterface
public interface SignOffRule {
    Permission check(SignOffRequest request, ArticleReview review);

    static SignOffRule signerIsACredentialedMedicalReviewer() {
        return (request, review) -> request.actor().isCredentialedMedicalReviewer()
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.NOT_A_CREDENTIALED_REVIEWER,
                        "only a medical reviewer with a credential may sign off an article");
    }

    static SignOffRule signerIsNotAnAuthor() {
        return (request, review) -> review.draft()
                .creditedAs(request.actor().username(), request.actor().displayName())
                .<Permission>map(credit -> Permission.refused(
                        Refusal.OWN_ARTICLE,
                        "a reviewer may not sign off an article they wrote (credited as \"" + credit.displayName()
                                + "\")"))
                .orElse(Permission.ALLOWED);
    }

    static SignOffRule revisionIsStillOpen() {
        return (request, review) -> review.isOpen()
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.REVISION_CLOSED,
                        "revision " + review.revision() + " is already signed off (" + review.status() + ")");
    }

    /**
     * Every sign-off (approve, request changes, reject) names the hash of the text the reviewer read: a reviewer
     * can only approve or return the text they read.
     */
    static SignOffRule signOffNamesTheTextReviewed() {
        return (request, review) -> request.contentHash() != null
                ? Permission.ALLOWED
                : Permission.refused(Refusal.TEXT_NOT_NAMED, "required: the hash of the text you reviewed");
    }

    /** A sign-off names the current text, not one read before a newer revision arrived. */
    static SignOffRule signOffIsForTheCurrentText() {
        return (request, review) -> review.draft().contentHash().equals(request.contentHash())
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.STALE_REVISION,
                        "the text you reviewed (" + request.contentHash()
                                + ") is not the current revision " + review.revision() + " ("
                                + review.draft().contentHash() + ")");
    }

    /** The fewest characters a reviewer's reason for approving a revision without claims may have. */
    int NO_CLAIMS_REASON_MIN = 20;

    /**
     * Approving a revision in which intake found no claim needs a comment saying why nothing in it needs review. A
     * gate with no claims to check would otherwise pass on the sign-off alone, and a claim intake failed to see would
     * go live with nobody having said they looked for one.
     */
    static SignOffRule approvingWithoutClaimsSaysWhy() {
        return (request, review) -> request.decision() != SignOffDecision.APPROVE
                        || !review.draft().claims().isEmpty()
                        || ReviewerText.visibleLength(request.comment()) >= NO_CLAIMS_REASON_MIN
                ? Permission.ALLOWED
                : Permission.refused(
                        Refusal.NO_CLAIMS_UNEXPLAINED,
                        "no health claim was found in this revision: "
                                + "approving it needs a comment of at least " + NO_CLAIMS_REASON_MIN
                                + " characters saying why nothing in it needs a medical reviewer's check");
    }

    /**
     * Rejecting an article says why: a rejection ends the article's review, and the writer and the editors need the
     * reason. Asked after the text checks, so a stale page is told to reload first.
     */
    static SignOffRule rejectingSaysWhy() {
        return (request, review) ->
                request.decision() != SignOffDecision.REJECT || ReviewerText.hasText(request.comment())
                        ? Permission.ALLOWED
                        : Permission.refused(
                                Refusal.REJECTION_UNEXPLAINED,
                                "rejecting an article needs a comment saying why, for the writer and the editors");
    }

    static List<SignOffRule> defaults() {
        return List.of(
                signerIsACredentialedMedicalReviewer(),
                signerIsNotAnAuthor(),
                revisionIsStillOpen(),
                signOffNamesTheTextReviewed(),
                signOffIsForTheCurrentText(),
                approvingWithoutClaimsSaysWhy(),
                rejectingSaysWhy());
    }
}
