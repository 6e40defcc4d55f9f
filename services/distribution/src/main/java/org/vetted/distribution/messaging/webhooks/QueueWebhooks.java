package org.vetted.distribution.messaging.webhooks;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.messaging.Message;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.webhooks.DeliveryOutbox;
import org.vetted.distribution.domain.webhooks.WebhookEvent;
import org.vetted.distribution.messaging.PublicRecords;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.signing.Seals;

/**
 * The {@code queueWebhooks} consumer (group {@code distribution-webhooks}): every record of article.published whose
 * seal verifies as distribution's, of a type {@link WebhookPayloads} maps, becomes one delivery per subscriber in the
 * outbox, written in the database transaction that stores this projection's position ({@link SharedProjection}
 * "webhooks"), and deduplicated by (subscription, event id): a replay or a second instance neither loses nor doubles
 * a delivery. It reads the raw value bytes, as {@code servePublished} does: a {@code vetted-signature} header that is
 * there but not distribution's over exactly those bytes, or a record without a valid seal, is logged and skipped;
 * nothing from the topic reaches a downstream site unverified. A value that does not decode is dead-lettered.
 */
public class QueueWebhooks implements Consumer<Message<byte[]>>, ApplicationListener<ListenerContainerIdleEvent> {
    private static final Logger log = LoggerFactory.getLogger(QueueWebhooks.class);

    private final DeliveryOutbox outbox;
    private final Seals seals;
    private final SharedProjection projection;
    private final Clock clock;

    public QueueWebhooks(DeliveryOutbox outbox, Seals seals, SharedProjection projection, Clock clock) {
        this.outbox = outbox;
        this.seals = seals;
        this.projection = projection;
        this.clock = clock;
    }

    /** This consumer's position in article.published, kept with the outbox. */
    public SharedProjection projection() {
        return projection;
    }

    /** Idle polls of this binding's group move its position past skipped records and transaction markers. */
    @Override
    public void onApplicationEvent(ListenerContainerIdleEvent event) {
        projection.onApplicationEvent(event);
    }

    @Override
    public void accept(Message<byte[]> message) {
        RecordGuard.run(() -> projection.apply(message, () -> queue(message)));
    }

    private void queue(Message<byte[]> raw) {
        PublicRecords.Read read = PublicRecords.read(raw, seals, "no webhooks");
        SpecificRecordBase record = read.record();
        Optional<String> problem = read.problem();
        if (problem.isEmpty()) {
            problem = seals.problem(record);
        }
        if (problem.isPresent()) {
            log.warn(
                    "Not sending webhooks of {} {} of article {}: {}",
                    record.getSchema().getName(),
                    field(record, "eventId"),
                    field(record, "articleId"),
                    problem.get());
            return;
        }
        Optional<WebhookEvent> event = WebhookPayloads.of(record);
        if (event.isEmpty()) {
            log.debug("No webhook is made of {}", record.getSchema().getName());
            return;
        }
        int queued = outbox.queue(event.get(), clock.instant());
        log.debug(
                "Event {} ({}) queued for {} subscribers",
                event.get().eventId(),
                event.get().type(),
                queued);
    }

    private static Object field(SpecificRecordBase record, String name) {
        return record.getSchema().getField(name) == null ? "?" : record.get(name);
    }
}
