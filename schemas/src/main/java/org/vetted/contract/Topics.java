package org.vetted.contract;

import java.util.List;
import java.util.Set;

/**
 * The topics of the article's life. Each has exactly one writing service and is keyed by article id;
 * schemas/README.md has the full table of writers and consumers.
 */
public final class Topics {
    /** {@link org.vetted.events.DraftSubmitted}, written by intake. */
    public static final String DRAFT_SUBMITTED = "article.draft-submitted";
    /** {@link org.vetted.events.ClaimReviewed}, written by review. */
    public static final String CLAIM_REVIEWED = "article.claim-reviewed";
    /** {@link org.vetted.events.ArticleApproved}, written by review. */
    public static final String APPROVED = "article.approved";
    /** {@link org.vetted.events.ReviewReturned}, written by review. */
    public static final String REVIEW_RETURNED = "article.review-returned";
    /** {@link org.vetted.events.ArticleWithdrawn}, written by review: an approved article retracted or taken down. */
    public static final String WITHDRAWN = "article.withdrawn";
    /**
     * {@link org.vetted.events.ArticleReviewStatus}, written by review: an approved article's re-review timer fired
     * (review due, or expired and back in review's queue).
     */
    public static final String REVIEW_STATUS = "article.review-status";
    /** {@link org.vetted.events.ArticleRendered}, written by rendering. */
    public static final String RENDERED = "article.rendered";
    /**
     * {@link org.vetted.events.ArticlePublished}, {@link org.vetted.events.ArticleRetracted},
     * {@link org.vetted.events.ArticleUnpublished}, {@link org.vetted.events.ArticleCorrected},
     * {@link org.vetted.events.ArticleReviewDue} and {@link org.vetted.events.ArticleReviewExpired}, written by
     * distribution: the public contract. Each record carries
     * the header {@link #EVENT_TYPE_HEADER}.
     */
    public static final String PUBLISHED = "article.published";

    /**
     * {@link org.vetted.events.ClaimLibraryEntry}, written by review: the claims library. Compacted and keyed by the
     * library key (the claim it describes), not by article id, so it is not one of {@link #ALL}.
     */
    public static final String CLAIMS_LIBRARY = "claims.library";

    /** Topics whose latest record per key is the state, compacted by Kafka; every other topic is kept forever. */
    public static final Set<String> COMPACTED = Set.of(CLAIMS_LIBRARY);

    /** The topics of an article's life, keyed by article id; {@link #CLAIMS_LIBRARY} is not one of them. */
    public static final List<String> ALL = List.of(
            DRAFT_SUBMITTED, CLAIM_REVIEWED, APPROVED, REVIEW_RETURNED, WITHDRAWN, REVIEW_STATUS, RENDERED, PUBLISHED);

    /**
     * Header on every record of {@link #PUBLISHED}: the record's simple name ({@code ArticlePublished},
     * {@code ArticleRetracted}, {@code ArticleUnpublished}, {@code ArticleCorrected}) as UTF-8 bytes, so a consumer can skip a type it does not
     * know without decoding it.
     */
    public static final String EVENT_TYPE_HEADER = "vetted-event-type";

    /**
     * Header on every dead letter: the root cause in one line, for operators (Spring Kafka's
     * {@code kafka_dlt-exception-*} headers carry the outer exception and the stack trace).
     */
    public static final String DEAD_LETTER_REASON_HEADER = "vetted-dead-letter-reason";

    /** Where a consumer group parks the records of {@code topic} it cannot process. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlt";
    }

    private Topics() {}
}
