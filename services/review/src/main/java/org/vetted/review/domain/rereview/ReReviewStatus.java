package org.vetted.review.domain.rereview;

/** What a re-review timer says when it fires. */
public enum ReReviewStatus {
    /** The review-by date is near (the notice period began), or evidence the approval relied on was withdrawn. */
    DUE,
    /** The review-by date passed: the approval no longer stands, and the article is back in the queue. */
    EXPIRED
}
