package org.vetted.intake.messaging;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.app.DraftPublisher;
import org.vetted.intake.domain.drafts.Draft;

/**
 * {@link DraftPublisher} on Kafka: the draft as a signed Avro DraftSubmitted on {@code article.draft-submitted}, keyed
 * by article id, sent through the binder (transactional, sync). A failed send is told apart by {@link SendFailures}.
 */
@Component
public class KafkaDraftPublisher implements DraftPublisher {
    static final String BINDING = "draftSubmitted-out-0";
    /**
     * Largest encoded DraftSubmitted: half of Kafka's default max.request.size (1 MiB), leaving room for headers,
     * the transaction and batching. A body of 100,000 four-byte characters whose every sentence is a claim would
     * pass the body limit and still exceed this.
     */
    static final int MAX_EVENT_BYTES = 512 * 1024;

    private static final Logger log = LoggerFactory.getLogger(KafkaDraftPublisher.class);

    private final StreamBridge streamBridge;
    private final Signatures signatures;
    private final int maxEventBytes;
    private final EventCatalog catalog = EventCatalog.standard();

    /** @param signatures intake's key: review takes no draft that intake did not sign */
    @Autowired
    public KafkaDraftPublisher(StreamBridge streamBridge, Signatures signatures) {
        this(streamBridge, signatures, MAX_EVENT_BYTES);
    }

    KafkaDraftPublisher(StreamBridge streamBridge, Signatures signatures, int maxEventBytes) {
        this.streamBridge = streamBridge;
        this.signatures = signatures;
        this.maxEventBytes = maxEventBytes;
    }

    @Override
    public Publication publish(Draft draft, String eventId, Instant submittedAt) {
        DraftSubmitted event = signatures.sign(EventMapper.toEvent(draft, eventId, submittedAt));
        byte[] record = catalog.encode(event);
        int size = record.length;
        if (size > maxEventBytes) {
            return new Publication.TooLarge(size, maxEventBytes);
        }
        try {
            boolean sent = streamBridge.send(
                    BINDING,
                    MessageBuilder.withPayload(event)
                            .setHeader(KafkaHeaders.KEY, event.getArticleId())
                            .build());
            if (sent) {
                // One line per submission: with the trace id every line carries, an article can be followed.
                log.info("Submitted article {} revision {} for review", event.getArticleId(), event.getRevision());
            }
            return sent ? new Publication.Committed(record) : new Publication.NotSent();
        } catch (RuntimeException e) {
            if (SendFailures.isAmbiguous(e)) {
                log.warn(
                        "DraftSubmitted for article {} revision {} may or may not have been published; its number "
                                + "and slug stay taken",
                        event.getArticleId(),
                        event.getRevision(),
                        e);
                return new Publication.Unknown();
            }
            log.warn(
                    "DraftSubmitted for article {} revision {} was not published",
                    event.getArticleId(),
                    event.getRevision(),
                    e);
            return new Publication.NotSent();
        }
    }
}
