package org.vetted.rendering.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;

/**
 * The first check on every approval: the event carries review's signature over all its fields, and the approval
 * inside it review's signature over the article id and the approval (revision, content hash, the signer and claim
 * reviewers with their names and credentials, the approval time). Anyone can write a hash that matches a text; only
 * review holds its private key, so an approval without valid signatures is forged (or damaged) and can never be
 * rendered. Rendering holds review's public key only: it cannot make an approval either.
 */
final class ApprovalSignatures {
    private final Signatures signatures;

    ApprovalSignatures(Signatures signatures) {
        this.signatures = signatures;
    }

    /** Why the approval cannot be trusted, or empty when it is complete and signed by review. */
    Optional<String> refusal(ArticleApproved event) {
        Approval approval = event.getApproval();
        if (approval == null || event.getArticleId() == null || approval.getSignedOffBy() == null
                || !noneMissing(event.getAuthors()) || !noneMissing(event.getTags())
                || !noneMissing(approval.getClaimReviewers())) {
            return Optional.of("the approval is incomplete");
        }
        return signatures.problem(event);
    }

    /** A decoded record never has these null; a hand-built one might, and must be refused rather than crash. */
    private static boolean noneMissing(List<?> values) {
        return values != null && values.stream().allMatch(Objects::nonNull);
    }
}
