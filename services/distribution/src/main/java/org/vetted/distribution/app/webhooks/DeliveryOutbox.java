package org.vetted.distribution.app.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vetted.distribution.domain.webhooks.Delivery;
import org.vetted.distribution.domain.webhooks.Subscription;
import org.vetted.distribution.domain.webhooks.WebhookEvent;

/**
 * The deliveries still to make and those made, in the database every instance shares. One delivery per
 * (subscription, event id): queueing an event again (a replay of the topic, another instance) adds nothing.
 */
public interface DeliveryOutbox {

    /**
     * Queues the event for every enabled subscription to its type made no later than the event, in the caller's
     * transaction (the consumer's position commits with it).
     *
     * @return how many deliveries were added
     */
    int queue(WebhookEvent event, Instant now);

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}, at most one per subscription and never one of an
     * article whose earlier delivery to that subscription is still pending; rows another instance is claiming are
     * skipped. Each claim counts as an attempt.
     */
    List<Claimed> claim(Instant now, int limit, Duration lease);

    /** A claimed delivery with what sending it needs. {@code claim} must be shown to record its outcome. */
    record Claimed(Delivery delivery, UUID claim, Subscription subscription, String body) {}

    /** The outcome of a claimed attempt; false when the claim was lost (its lease ran out and it was taken again). */
    boolean delivered(UUID deliveryId, UUID claim, Instant at, int status);

    boolean retry(UUID deliveryId, UUID claim, Instant at, int status, String error, Instant next);

    boolean dead(UUID deliveryId, UUID claim, Instant at, int status, String error);

    /** A page of a subscription's deliveries, newest first. */
    List<Delivery> log(UUID subscriptionId, int offset, int limit);

    Optional<Delivery> find(UUID subscriptionId, UUID deliveryId);

    /** Queues a dead delivery again from {@code now} (a new horizon); false when it is not dead. */
    boolean replay(UUID subscriptionId, UUID deliveryId, Instant now);
}
