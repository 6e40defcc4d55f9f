package org.vetted.distribution.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Reviewer;
import org.vetted.distribution.domain.WithdrawnArticle;

/**
 * {@code GET /api/articles/{slug}}: the latest published revision as JSON. Every field but {@code signature} is
 * signed (see {@link ArticleSignature}): add one here and it is in the signature too. {@code medicallyReviewedBy} is
 * who signed the approval off; {@code medicalReviewers} everyone credited with the review, that signer first (the
 * signer alone for an article published before the contract carried the others).
 */
record ArticleJson(
        String articleId,
        int revision,
        String slug,
        String title,
        String summary,
        String url,
        String html,
        List<Name> authors,
        List<String> tags,
        ReviewerJson medicallyReviewedBy,
        List<ReviewerJson> medicalReviewers,
        Instant medicallyReviewedAt,
        Instant firstPublishedAt,
        Instant publishedAt,
        String contentHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) RetractionJson retraction,
        String signature) {

    record Name(String name) {}

    /** Present only on a retracted article: why, who decided and when. */
    record RetractionJson(String reason, ReviewerJson decidedBy, Instant decidedAt) {
        static RetractionJson of(WithdrawnArticle withdrawal) {
            return withdrawal == null
                    ? null
                    : new RetractionJson(
                            withdrawal.reason(), ReviewerJson.of(withdrawal.decidedBy()), withdrawal.decidedAt());
        }
    }

    record ReviewerJson(String name, String credential) {
        static ReviewerJson of(Reviewer reviewer) {
            return new ReviewerJson(reviewer.displayName(), reviewer.credential());
        }
    }

    /** The article as served, signed by distribution over every other field. */
    static ArticleJson of(PageStore.Page page, ArticleSignature signature) {
        ArticleJson unsigned = unsigned(page);
        return unsigned.withSignature(signature.of(unsigned));
    }

    static ArticleJson unsigned(PageStore.Page page) {
        PublishedArticle article = page.article();
        return new ArticleJson(
                article.articleId(),
                article.revision(),
                article.slug(),
                article.title(),
                article.summary(),
                article.url(),
                article.html(),
                article.authors().stream()
                        .map(author -> new Name(author.displayName()))
                        .toList(),
                article.tags(),
                ReviewerJson.of(article.medicallyReviewedBy()),
                article.credited().stream().map(ReviewerJson::of).toList(),
                article.medicallyReviewedAt(),
                page.firstPublishedAt(),
                article.publishedAt(),
                article.contentHash(),
                page.retracted() ? RetractionJson.of(page.withdrawal()) : null,
                null);
    }

    ArticleJson withSignature(String signature) {
        return new ArticleJson(
                articleId,
                revision,
                slug,
                title,
                summary,
                url,
                html,
                authors,
                tags,
                medicallyReviewedBy,
                medicalReviewers,
                medicallyReviewedAt,
                firstPublishedAt,
                publishedAt,
                contentHash,
                retraction,
                signature);
    }
}
