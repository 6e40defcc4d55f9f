package org.vetted.rendering.messaging;

import java.util.List;
import java.util.Objects;

import org.vetted.contract.Seals;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;

/**
 * The first check on every approval: it carries review's seal over the article id, its slug, authors and tags, and
 * the approval itself (revision, content hash, the signer and claim reviewers with their names and credentials, the
 * approval time). Anyone can write a hash that matches a text; only review holds the key, so an approval without a
 * valid seal is forged (or damaged) and can never be rendered. A sealed approval whose byline or slug was changed on
 * the way no longer verifies.
 */
final class ApprovalSeal {
    static final String NOT_SEALED = "approval is not sealed by the review service";

    private final Seals seals;

    ApprovalSeal(Seals seals) {
        this.seals = seals;
    }

    /** Whether the approval is complete and carries review's valid seal over exactly these fields. */
    boolean isSealed(ArticleApproved event) {
        Approval approval = event.getApproval();
        return approval != null && event.getArticleId() != null && approval.getSignedOffBy() != null
                && noneMissing(event.getAuthors()) && noneMissing(event.getTags())
                && noneMissing(approval.getClaimReviewers())
                && seals.approvalIsSealed(event.getArticleId(), event.getSlug(), event.getAuthors(), event.getTags(),
                        approval);
    }

    /** A decoded record never has these null; a hand-built one might, and must be refused rather than crash. */
    private static boolean noneMissing(List<?> values) {
        return values != null && values.stream().allMatch(Objects::nonNull);
    }
}
