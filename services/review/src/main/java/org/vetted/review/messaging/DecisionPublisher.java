package org.vetted.review.messaging;

import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends the review service's decisions through StreamBridge, keyed by article id. The output bindings are
 * transactional and synchronous: when {@link #publish} returns, the event is committed.
 */
public class DecisionPublisher {
    static final String CLAIM_REVIEWED = "claimReviewed-out-0";
    static final String ARTICLE_APPROVED = "articleApproved-out-0";
    static final String REVIEW_RETURNED = "reviewReturned-out-0";

    private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);

    private final StreamBridge streamBridge;

    public DecisionPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    /** @throws PublishFailedException when the binding refuses or fails to send */
    public void publish(String binding, String articleId, SpecificRecordBase event) {
        boolean sent;
        try {
            sent = streamBridge.send(binding,
                    MessageBuilder.withPayload(event).setHeader(KafkaHeaders.KEY, articleId).build());
        } catch (RuntimeException e) {
            log.warn("publishing {} for article {} failed", event.getClass().getSimpleName(), articleId, e);
            throw new PublishFailedException("could not publish to " + binding, e);
        }
        if (!sent) {
            log.warn("publishing {} for article {} was refused by {}", event.getClass().getSimpleName(), articleId,
                    binding);
            throw new PublishFailedException("could not publish to " + binding, null);
        }
    }
}
