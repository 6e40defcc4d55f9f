package org.vetted.rendering.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vetted.contract.ContentHash;

/**
 * The rules that make an approval cover the text it travels with. Each rule returns the reason it fails,
 * or empty when it holds; the first failing rule refuses the article.
 */
public final class ApprovalBinding {
    private final List<Function<ApprovedArticle, Optional<String>>> rules;

    private ApprovalBinding(List<Function<ApprovedArticle, Optional<String>>> rules) {
        this.rules = rules;
    }

    public static ApprovalBinding defaults() {
        return new ApprovalBinding(List.of(
                ApprovalBinding::approvalNamesARevision,
                ApprovalBinding::textHashesToTheApprovedHash,
                ApprovalBinding::approvalIsSignedByACredentialedReviewer,
                ApprovalBinding::approvalHasADate));
    }

    /** The reason the approval does not cover the article, or empty when it does. */
    public Optional<String> refusalReason(ApprovedArticle article) {
        return rules.stream()
                .map(rule -> rule.apply(article))
                .flatMap(Optional::stream)
                .findFirst();
    }

    static Optional<String> approvalNamesARevision(ApprovedArticle article) {
        Integer revision = article.signOff().revision();
        return revision != null && revision >= 1
                ? Optional.empty()
                : Optional.of("approval names no revision (got " + revision + ")");
    }

    static Optional<String> textHashesToTheApprovedHash(ApprovedArticle article) {
        SignOff signOff = article.signOff();
        return ContentHash.matches(signOff.contentHash(), article.reviewed())
                ? Optional.empty()
                : Optional.of("slug, title, summary, body, tags and authors of article " + article.articleId()
                        + " do not hash to the approved hash "
                        + signOff.contentHash() + " of revision " + signOff.revision());
    }

    static Optional<String> approvalIsSignedByACredentialedReviewer(ApprovedArticle article) {
        SignOff.Reviewer reviewer = article.signOff().reviewer();
        return reviewer != null && !isBlank(reviewer.displayName()) && !isBlank(reviewer.credential())
                ? Optional.empty()
                : Optional.of("approval is not signed off by a named, credentialed reviewer");
    }

    static Optional<String> approvalHasADate(ApprovedArticle article) {
        return article.signOff().approvedAt() != null ? Optional.empty() : Optional.of("approval has no approval date");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
