package org.vetted.review.app;

import java.util.Comparator;

/** How the review queue is sorted. */
public enum QueueOrder {
    /** Longest waiting first: the default, so nothing is left behind. */
    OLDEST,
    /** Just arrived first. */
    NEWEST,
    /**
     * Riskiest first: articles whose high-risk claims wait for a second reviewer, then those with the most open
     * high-risk claims, then the longest waiting.
     */
    RISK;

    /** The order as a comparison of positions, for stores that sort in memory (the tests' own). */
    public Comparator<QueuePosition> comparator() {
        Comparator<QueuePosition> age =
                Comparator.comparing(QueuePosition::submittedAt).thenComparing(QueuePosition::articleId);
        return switch (this) {
            case OLDEST -> age;
            case NEWEST -> age.reversed();
            case RISK ->
                Comparator.comparing((QueuePosition position) -> !position.waitsForSecondReviewer())
                        .thenComparing(position -> -position.highRiskOpen())
                        .thenComparing(age);
        };
    }
}
