package org.vetted.distribution.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vetted.contract.ContentHash;

/**
 * The last check before an article goes public: the approval must bind to exactly the source that was rendered.
 * Each rule returns why it fails, or empty when it holds.
 */
public final class ApprovalCheck {
    private final List<Function<RenderedArticle, Optional<String>>> rules;

    private ApprovalCheck(List<Function<RenderedArticle, Optional<String>>> rules) {
        this.rules = rules;
    }

    public static ApprovalCheck defaults() {
        return new ApprovalCheck(List.of(
                ApprovalCheck::approvalIsForThisRevision,
                ApprovalCheck::sourceHashesToTheApprovedHash,
                ApprovalCheck::renderedSourceIsTheApprovedSource));
    }

    public ApprovalVerdict check(RenderedArticle article) {
        return rules.stream()
                .map(rule -> rule.apply(article))
                .flatMap(Optional::stream)
                .findFirst()
                .<ApprovalVerdict>map(ApprovalVerdict.Rejected::new)
                .orElseGet(ApprovalVerdict.Verified::new);
    }

    static Optional<String> approvalIsForThisRevision(RenderedArticle article) {
        Approval approval = article.approval();
        if (approval == null) {
            return Optional.of("article " + article.articleId() + " carries no approval");
        }
        return approval.revision() == article.revision()
                ? Optional.empty()
                : Optional.of("approval is for revision " + approval.revision() + ", not for the rendered revision "
                        + article.revision());
    }

    static Optional<String> sourceHashesToTheApprovedHash(RenderedArticle article) {
        return ContentHash.matches(article.approval().contentHash(), article.reviewed())
                ? Optional.empty()
                : Optional.of("slug, title, summary, body, tags and authors of article " + article.articleId()
                        + " revision " + article.revision() + " do not hash to the approved hash "
                        + article.approval().contentHash());
    }

    static Optional<String> renderedSourceIsTheApprovedSource(RenderedArticle article) {
        String approved = article.approval().contentHash();
        return approved != null && approved.equals(article.sourceHash())
                ? Optional.empty()
                : Optional.of("rendered source hash " + article.sourceHash() + " is not the approved hash " + approved);
    }
}
