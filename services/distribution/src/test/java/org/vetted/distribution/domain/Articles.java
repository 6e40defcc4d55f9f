package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;
import org.vetted.contract.ContentHash;

/** Fixtures: rendered articles whose approval covers their source, and published articles. */
public final class Articles {
    public static final Instant APPROVED_AT = Instant.parse("2026-11-25T15:30:00Z");
    public static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");

    public static RenderedArticle rendered(int revision, String summary, String body) {
        String title = "Can a Daily Walk Ease Lower-Back Pain?";
        String hash = ContentHash.of(new ContentHash.Reviewed(
                "daily-walk",
                title,
                summary,
                body,
                List.of("back pain"),
                List.of(new ContentHash.Credit("wanda", "Wanda Writer"))));
        return new RenderedArticle(
                "rendered-" + revision,
                "article-1",
                revision,
                "daily-walk",
                title,
                summary,
                List.of(new Author("wanda", "Wanda Writer")),
                List.of("back pain"),
                body,
                hash,
                "<p>" + body + "</p>",
                new Approval(revision, hash, RITA, APPROVED_AT));
    }

    public static RenderedArticle withBody(RenderedArticle article, String body) {
        return new RenderedArticle(
                article.eventId(),
                article.articleId(),
                article.revision(),
                article.slug(),
                article.title(),
                article.summary(),
                article.authors(),
                article.tags(),
                body,
                article.sourceHash(),
                article.html(),
                article.approval());
    }

    public static RenderedArticle withSourceHash(RenderedArticle article, String sourceHash) {
        return new RenderedArticle(
                article.eventId(),
                article.articleId(),
                article.revision(),
                article.slug(),
                article.title(),
                article.summary(),
                article.authors(),
                article.tags(),
                article.bodyMarkdown(),
                sourceHash,
                article.html(),
                article.approval());
    }

    public static RenderedArticle withRevision(RenderedArticle article, int revision) {
        return new RenderedArticle(
                article.eventId(),
                article.articleId(),
                revision,
                article.slug(),
                article.title(),
                article.summary(),
                article.authors(),
                article.tags(),
                article.bodyMarkdown(),
                article.sourceHash(),
                article.html(),
                article.approval());
    }

    public static PublishedArticle published(
            String articleId, int revision, String slug, String title, Instant publishedAt) {
        return PublishedArticle.builder()
                .eventId("published-" + articleId + "-" + revision + "-" + publishedAt)
                .articleId(articleId)
                .revision(revision)
                .slug(slug)
                .title(title)
                .summary("A summary of " + title)
                .html("<p>Revision " + revision + " of " + title + "</p>")
                .url("http://localhost:8084/articles/" + slug)
                .authors(List.of(new Author("wanda", "Wanda Writer")))
                .tags(List.of("sleep"))
                .medicallyReviewedBy(RITA)
                .medicalReviewers(List.of(RITA))
                .medicallyReviewedAt(APPROVED_AT)
                .contentHash("sha256:" + articleId + revision)
                .publishedAt(publishedAt)
                .build();
    }

    /** Distribution's public re-review notice of the article's revision 1 (approved at APPROVED_AT), unsigned. */
    public static ReReviewNotice reReview(String articleId, ReReviewKind kind, String slug, Instant at) {
        return ReReviewNotice.of(
                new ReReview(
                        "re-review-" + articleId + "-" + kind + "-" + at,
                        articleId,
                        kind,
                        1,
                        "sha256:" + articleId + 1,
                        slug,
                        APPROVED_AT,
                        APPROVED_AT.plus(java.time.Duration.ofDays(365)),
                        kind == ReReviewKind.DUE ? "the medical review is due" : "the medical review expired",
                        null,
                        at),
                slug,
                new PublicSite("http://localhost:8084"),
                OverduePolicy.KEEP);
    }

    /** Review's decision on the article's revision 1, unsigned. */
    /** A corrected revision with its note, unsigned. */
    public static PublishedArticle corrected(
            String articleId, int revision, String slug, String title, Instant publishedAt, String note) {
        return published(articleId, revision, slug, title, publishedAt).toBuilder()
                .correction(note)
                .build();
    }

    /** Review's decision on the article's revision 1, unsigned.*/
    public static Withdrawal decision(String articleId, WithdrawalKind kind, String slug, Instant decidedAt) {
        return new Withdrawal(
                "withdrawn-" + articleId + "-" + kind + "-" + decidedAt,
                articleId,
                kind,
                "The dose table was wrong",
                RITA,
                decidedAt,
                1,
                "sha256:" + articleId + 1,
                slug,
                "Title of " + slug,
                null);
    }

    /** The public withdrawal of the article, unsigned. */
    public static WithdrawnArticle withdrawn(String articleId, WithdrawalKind kind, String slug, Instant decidedAt) {
        return WithdrawnArticle.of(
                decision(articleId, kind, slug, decidedAt), null, new PublicSite("http://localhost:8084"));
    }

    private Articles() {}
}
