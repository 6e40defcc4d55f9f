package org.vetted.distribution.domain;

import java.time.Instant;

/**
 * Review's re-review notice of an approved article ({@code ArticleReviewStatus}, its signature verified by the
 * messaging edge): about one approval, named by its revision, hash and {@code approvedAt}.
 *
 * @param libraryKey the retired claims library entry that made the review due; null for the review-by date
 * @param at         when review's timer fired
 */
public record ReReview(
        String eventId,
        String articleId,
        ReReviewKind kind,
        int revision,
        String contentHash,
        String slug,
        Instant approvedAt,
        Instant reviewBy,
        String reason,
        String libraryKey,
        Instant at) {}
