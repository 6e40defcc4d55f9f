package org.vetted.review.messaging;

import java.util.List;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the review service's decisions through StreamBridge, keyed by article id (library entries by library key).
 * The output bindings are transactional and synchronous: when {@link #publish} returns, the event is committed.
 * {@link #publishTogether} commits several events in one Kafka transaction: all are read (read_committed) or none.
 */
public class DecisionPublisher {
    static final String CLAIM_REVIEWED = "claimReviewed-out-0";
    static final String ARTICLE_APPROVED = "articleApproved-out-0";
    static final String REVIEW_RETURNED = "reviewReturned-out-0";
    static final String CLAIMS_LIBRARY = "claimsLibrary-out-0";

    /** One event to send: its binding, its key and the event. */
    public record Outgoing(String binding, String key, SpecificRecordBase event) {
    }

    private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);

    private final StreamBridge streamBridge;
    private final Supplier<TransactionTemplate> transactions;

    public DecisionPublisher(StreamBridge streamBridge) {
        this(streamBridge, () -> null);
    }

    /**
     * @param transactions a transaction over the binder's transactional producer factory (the one every output
     *                     binding sends with), or null where the binder has none (the test binder): then the events
     *                     are sent one after the other
     */
    public DecisionPublisher(StreamBridge streamBridge, Supplier<TransactionTemplate> transactions) {
        this.streamBridge = streamBridge;
        this.transactions = transactions;
    }

    /**
     * Sends every event in one Kafka transaction: the bindings' sends join it, so nothing is visible to a
     * read_committed consumer unless all of it commits.
     *
     * @throws PublishFailedException when any send or the commit fails (then none of them counts)
     */
    public void publishTogether(List<Outgoing> events) {
        TransactionTemplate transaction = transactions.get();
        if (transaction == null) {
            events.forEach(event -> publish(event.binding(), event.key(), event.event()));
            return;
        }
        try {
            transaction.executeWithoutResult(status ->
                    events.forEach(event -> publish(event.binding(), event.key(), event.event())));
        } catch (PublishFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("committing {} events failed", events.size(), e);
            throw new PublishFailedException("could not commit " + events.size() + " events", e);
        }
    }

    /**
     * @param key the record key: the article id, or a library key on claims.library
     * @throws PublishFailedException when the binding refuses or fails to send
     */
    public void publish(String binding, String key, SpecificRecordBase event) {
        boolean sent;
        try {
            sent = streamBridge.send(binding,
                    MessageBuilder.withPayload(event).setHeader(KafkaHeaders.KEY, key).build());
        } catch (RuntimeException e) {
            log.warn("publishing {} for {} failed", event.getClass().getSimpleName(), key, e);
            throw new PublishFailedException("could not publish to " + binding, e);
        }
        if (!sent) {
            log.warn("publishing {} for {} was refused by {}", event.getClass().getSimpleName(), key,
                    binding);
            throw new PublishFailedException("could not publish to " + binding, null);
        }
    }
}
