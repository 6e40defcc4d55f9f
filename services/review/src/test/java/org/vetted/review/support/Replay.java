package org.vetted.review.support;

import java.util.List;
import org.vetted.contract.Topics;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestProjections;

/**
 * The test binder has no Kafka consumer, so nothing tells the board's projection where the logs end: this tells it
 * what a new instance sees when trackReview's topics are empty (joined the group, nothing to catch up with).
 */
public final class Replay {
    /** Partitions per topic, as created with the default KAFKA_PARTITIONS. */
    static final int PARTITIONS_PER_TOPIC = 3;

    static final List<String> TOPICS = List.of(
            Topics.DRAFT_SUBMITTED,
            Topics.CLAIM_REVIEWED,
            Topics.APPROVED,
            Topics.REVIEW_RETURNED,
            Topics.WITHDRAWN,
            Topics.CLAIMS_LIBRARY);

    public static void markCaughtUp(SharedProjection projection) {
        TestProjections.markCaughtUp(projection, "trackReview-in-0", TOPICS, PARTITIONS_PER_TOPIC);
    }

    private Replay() {}
}
