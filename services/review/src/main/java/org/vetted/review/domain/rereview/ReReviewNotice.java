package org.vetted.review.domain.rereview;

import java.time.Instant;

/**
 * A re-review timer that fired, as review publishes it ({@code ArticleReviewStatus} on article.review-status): about
 * one approval of the article, named by its revision, content hash and {@code approvedAt}. A later approval of the
 * article supersedes it.
 *
 * @param libraryKey the retired claims library entry that made the review due at once; null for the review-by date
 * @param at         when the timer fired
 */
public record ReReviewNotice(
        String eventId,
        String articleId,
        ReReviewStatus status,
        int revision,
        String contentHash,
        String slug,
        Instant approvedAt,
        Instant reviewBy,
        String reason,
        String libraryKey,
        Instant at) {}
