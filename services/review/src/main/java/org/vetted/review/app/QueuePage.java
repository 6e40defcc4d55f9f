package org.vetted.review.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.vetted.review.domain.board.ArticleReview;

/**
 * A page of the review queue in the order asked. {@code next}: where the following page starts (null on the last
 * page); {@code previous}: where the page before ends (null on the first).
 */
public record QueuePage(List<ArticleReview> reviews, QueuePosition next, QueuePosition previous) {
    public QueuePage {
        reviews = List.copyOf(reviews);
    }

    /**
     * The page of a query from the positions a store read for it, in reading order (backwards for a page before
     * its position) and one more than the page when there are more: that one only says another page exists.
     * {@code reviews} reads the page's articles, in the page's order. Past the end (what the query started from was
     * decided meanwhile) the page is empty and links nowhere: start again.
     */
    public static QueuePage of(
            QueueQuery query, List<QueuePosition> read, Function<List<QueuePosition>, List<ArticleReview>> reviews) {
        boolean more = read.size() > query.limit();
        List<QueuePosition> page = new ArrayList<>(read.subList(0, Math.min(read.size(), query.limit())));
        if (query.backwards()) {
            Collections.reverse(page);
        }
        if (page.isEmpty()) {
            return new QueuePage(List.of(), null, null);
        }
        QueuePosition first = page.get(0);
        QueuePosition last = page.get(page.size() - 1);
        return new QueuePage(
                reviews.apply(page),
                query.backwards() || more ? last : null,
                query.backwards() ? (more ? first : null) : query.from() == null ? null : first);
    }
}
