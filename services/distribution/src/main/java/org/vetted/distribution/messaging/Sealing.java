package org.vetted.distribution.messaging;

import java.util.Optional;

import org.vetted.contract.Seals;
import org.vetted.events.Approval;
import org.vetted.events.ArticleRendered;

/**
 * The first checks on every rendering: the approval carries review's seal, and the HTML carries rendering's seal
 * over the article id, revision, approved hash and exactly this HTML. Only those services hold the key, so with both
 * seals valid the HTML that goes live is what rendering produced from the text review approved.
 */
final class Sealing {
    static final String APPROVAL_NOT_SEALED = "approval is not sealed by the review service";
    static final String HTML_NOT_SEALED = "HTML is not sealed by the rendering service";

    private final Seals seals;

    Sealing(Seals seals) {
        this.seals = seals;
    }

    /** Why the rendering may not be trusted, or empty when both seals hold. */
    Optional<String> refusal(ArticleRendered event) {
        Approval approval = event.getApproval();
        if (approval == null || event.getArticleId() == null || approval.getContentHash() == null
                || approval.getSignedOffBy() == null || approval.getApprovedAt() == null
                || !seals.approvalIsSealed(approval.getSeal(), event.getArticleId(), approval.getRevision(),
                        approval.getContentHash(), approval.getSignedOffBy().getUsername(), approval.getApprovedAt())) {
            return Optional.of(APPROVAL_NOT_SEALED);
        }
        if (event.getHtml() == null || !seals.renderingIsSealed(event.getRenderSeal(), event.getArticleId(),
                event.getRevision(), approval.getContentHash(), event.getHtml())) {
            return Optional.of(HTML_NOT_SEALED);
        }
        return Optional.empty();
    }
}
