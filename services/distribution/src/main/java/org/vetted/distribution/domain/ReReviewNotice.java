package org.vetted.distribution.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A re-review notice as distribution makes it public ({@code ArticleReviewDue} or {@code ArticleReviewExpired}). It
 * is about the approval reviewed at {@code lastReviewedAt}: a publication with a later approval supersedes it.
 *
 * @param policy what the site does while the review is overdue (an expiry; null for "due")
 * @param seal   distribution's signature, as {@link PublishedArticle#seal()}
 */
public record ReReviewNotice(
        String eventId,
        String articleId,
        ReReviewKind kind,
        int revision,
        String contentHash,
        String slug,
        String url,
        Instant lastReviewedAt,
        Instant reviewBy,
        String reason,
        String libraryKey,
        Instant at,
        OverduePolicy policy,
        String seal)
        implements PublicEvent {

    /**
     * The public event of review's notice, unsigned; its event id derived from the notice's, so a notice read twice
     * makes the same event.
     *
     * @param servedSlug the slug the article is served under, or null when none of it was published yet
     */
    public static ReReviewNotice of(ReReview notice, String servedSlug, PublicSite site, OverduePolicy policy) {
        String slug = servedSlug != null ? servedSlug : notice.slug();
        return new ReReviewNotice(
                UUID.nameUUIDFromBytes(("re-review " + notice.eventId()).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                notice.articleId(),
                notice.kind(),
                notice.revision(),
                notice.contentHash(),
                slug,
                site.articleUrl(slug),
                notice.approvedAt(),
                notice.reviewBy(),
                notice.reason(),
                notice.kind() == ReReviewKind.DUE ? notice.libraryKey() : null,
                notice.at(),
                notice.kind() == ReReviewKind.EXPIRED ? policy : null,
                null);
    }

    /** Whether it is about the approval the page shows (a later one, reviewed again, supersedes it). */
    public boolean concerns(PublishedArticle article) {
        return article.medicallyReviewedAt() != null
                && !article.medicallyReviewedAt().isAfter(lastReviewedAt);
    }

    public boolean overdue() {
        return kind == ReReviewKind.EXPIRED;
    }
}
