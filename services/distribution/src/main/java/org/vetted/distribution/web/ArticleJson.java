package org.vetted.distribution.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Correction;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
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
        List<CorrectionJson> corrections,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReReviewJson reReview,
        String signature) {

    /** Each correction of the article, oldest first: the revision that made it, its note and when it went public. */
    record CorrectionJson(int revision, String note, Instant correctedAt) {
        static CorrectionJson of(Correction correction) {
            return new CorrectionJson(correction.revision(), correction.note(), correction.correctedAt());
        }
    }

    /**
     * Present only while the medical review of the served approval is due ({@code status} "due") or overdue
     * ("overdue", the review expired): by when it had to be reviewed again, why, and the library entry whose
     * retirement made it due, if that was the reason. A later approval, reviewed again, clears it.
     */
    record ReReviewJson(String status, Instant lastReviewedAt, Instant reviewBy, String reason, String libraryKey) {
        static ReReviewJson of(ReReviewNotice notice) {
            return notice == null
                    ? null
                    : new ReReviewJson(
                            notice.overdue() ? "overdue" : "due",
                            notice.lastReviewedAt(),
                            notice.reviewBy(),
                            notice.reason(),
                            notice.libraryKey());
        }
    }

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
    static ArticleJson of(PageStore.Page page, ReReviewNotice reReview, ArticleSignature signature) {
        ArticleJson unsigned = unsigned(page, reReview);
        return unsigned.withSignature(signature.of(unsigned));
    }

    static ArticleJson unsigned(PageStore.Page page, ReReviewNotice reReview) {
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
                page.corrections().stream().map(CorrectionJson::of).toList(),
                page.retracted() ? null : ReReviewJson.of(reReview),
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
                corrections,
                reReview,
                signature);
    }
}
