package org.vetted.rendering.messaging;

import org.vetted.contract.Seals;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;

/**
 * The first check on every approval: it carries review's seal over its article id, revision, content hash, signer
 * and approval time. Anyone can write a hash that matches a text; only review holds the key, so an approval without
 * a valid seal is forged (or damaged) and can never be rendered.
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
        return approval != null && event.getArticleId() != null && approval.getContentHash() != null
                && approval.getSignedOffBy() != null && approval.getApprovedAt() != null
                && seals.approvalIsSealed(approval.getSeal(), event.getArticleId(), approval.getRevision(),
                        approval.getContentHash(), approval.getSignedOffBy().getUsername(), approval.getApprovedAt());
    }
}
