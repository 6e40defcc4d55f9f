package org.vetted.review.app;

import java.util.List;

/**
 * Where review's decisions go (Kafka, in the service). When a call returns, what it sent is committed; when it
 * throws {@link PublishFailedException}, none of it counts.
 */
public interface DecisionPublisher {

    /** What an event is: each goes to its own topic. */
    enum Kind {
        CLAIM_REVIEWED,
        ARTICLE_APPROVED,
        REVIEW_RETURNED,
        ARTICLE_WITHDRAWN,
        REVIEW_STATUS,
        CLAIMS_LIBRARY
    }

    /**
     * One event to send.
     *
     * @param key    the article id, or the library key of a claims library entry
     * @param record the event as {@link SignedRecords} made it
     */
    record Outgoing(Kind kind, String key, byte[] record) {}

    /** @throws PublishFailedException when it could not be sent */
    void publish(Outgoing event);

    /**
     * Sends every event in one transaction: all are read or none.
     *
     * @throws PublishFailedException when any send or the commit fails (then none of them counts)
     */
    void publishTogether(List<Outgoing> events);
}
