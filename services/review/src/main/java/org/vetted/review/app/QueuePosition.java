package org.vetted.review.app;

import java.time.Instant;

/**
 * Where an article stands in the queue, in every order: the sort keys of {@link QueueOrder}, the article id last so
 * that no two articles stand at one place. A page is read after or before one of these, so paging is exact however
 * the queue changes between pages (a keyset, not an offset).
 */
public record QueuePosition(boolean waitsForSecondReviewer, int highRiskOpen, Instant submittedAt, String articleId) {

    static QueuePosition of(ArticleQueueFacts facts, Instant submittedAt, String articleId) {
        return new QueuePosition(facts.waitsForSecondReviewer(), facts.highRiskOpen(), submittedAt, articleId);
    }
}
