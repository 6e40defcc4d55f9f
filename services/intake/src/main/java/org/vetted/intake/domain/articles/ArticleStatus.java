package org.vetted.intake.domain.articles;

/** Where the latest revision of an article stands. {@code rank} orders the steps of one revision's life. */
public enum ArticleStatus {
    SUBMITTED(0),
    IN_REVIEW(1),
    CHANGES_REQUESTED(2),
    REJECTED(2),
    APPROVED(2),
    RENDERED(3),
    PUBLISHED(4),
    /** Withdrawn by review and marked retracted on the site (still readable there). */
    RETRACTED(5),
    /** Taken down by review: gone from the site. */
    UNPUBLISHED(6);

    private final int rank;

    ArticleStatus(int rank) {
        this.rank = rank;
    }

    /** True when, for the same revision, this status is not behind {@code current} (events may arrive out of order). */
    boolean supersedes(ArticleStatus current) {
        return rank >= current.rank;
    }
}
