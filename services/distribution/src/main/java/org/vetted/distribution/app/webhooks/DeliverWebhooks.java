package org.vetted.distribution.app.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetted.distribution.domain.webhooks.Backoff;
import org.vetted.distribution.domain.webhooks.Delivery;
import org.vetted.distribution.domain.webhooks.Subscription;
import org.vetted.distribution.domain.webhooks.WebhookSignature;

/**
 * Sends due deliveries: claims as many as there are free workers (at most one per subscription, so a receiver that
 * is down holds one worker for one timeout at most while the others go on), signs each attempt with the
 * subscription's secrets at the attempt's time, and records the outcome: 2xx delivered; 410 Gone disables the
 * subscription; anything else is tried again after the backoff, or dead-lettered past the horizon.
 */
public class DeliverWebhooks {
    private static final Logger log = LoggerFactory.getLogger(DeliverWebhooks.class);
    static final int MAX_ERROR_LENGTH = 500;

    private final DeliveryOutbox outbox;
    private final SubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final DoubleSupplier random;
    private final ExecutorService workers;
    private final Semaphore free;
    private final Duration lease;

    /**
     * @param workers   the bounded pool attempts run on
     * @param poolSize  how many attempts run at once (the pool's size)
     * @param lease     how long a claim holds: longer than an attempt can last with the sender's timeouts
     */
    public DeliverWebhooks(
            DeliveryOutbox outbox,
            SubscriptionStore subscriptions,
            WebhookSender sender,
            Backoff backoff,
            Clock clock,
            DoubleSupplier random,
            ExecutorService workers,
            int poolSize,
            Duration lease) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
        this.random = random;
        this.workers = workers;
        this.free = new Semaphore(poolSize);
        this.lease = lease;
    }

    /** Claims what is due for the free workers and starts them; the futures end with the attempts. */
    public List<CompletableFuture<Void>> dispatch() {
        int available = free.drainPermits();
        if (available == 0) {
            return List.of();
        }
        List<DeliveryOutbox.Claimed> claimed;
        try {
            claimed = outbox.claim(clock.instant(), available, lease);
        } catch (RuntimeException e) {
            free.release(available);
            throw e;
        }
        free.release(available - claimed.size());
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (DeliveryOutbox.Claimed delivery : claimed) {
            attempts.add(CompletableFuture.runAsync(() -> attempt(delivery), workers)
                    .whenComplete((done, failure) -> {
                        free.release();
                        if (failure != null) {
                            log.error(
                                    "Webhook attempt {} failed unexpectedly",
                                    delivery.delivery().id(),
                                    failure);
                        }
                    }));
        }
        return attempts;
    }

    /** Dispatches until nothing is due now and every attempt started has ended (for tests and a drain). */
    public int dispatchAllDue() {
        int sent = 0;
        while (true) {
            List<CompletableFuture<Void>> attempts = dispatch();
            if (attempts.isEmpty()) {
                return sent;
            }
            CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
            sent += attempts.size();
        }
    }

    void attempt(DeliveryOutbox.Claimed claimed) {
        Delivery delivery = claimed.delivery();
        Subscription subscription = claimed.subscription();
        Instant sentAt = clock.instant();
        long timestamp = sentAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSignature.header(
                        subscription.signingSecrets(sentAt), delivery.webhookId(), timestamp, claimed.body()));
        headers.put("content-type", "application/json");
        WebhookSender.Result result = sender.send(subscription.url(), headers, claimed.body());
        Instant after = clock.instant();
        if (result.received()) {
            outbox.delivered(delivery.id(), claimed.claim(), after, result.status());
            return;
        }
        String error = shorten(result.error() == null ? "HTTP " + result.status() : result.error());
        if (result.status() == 410) {
            subscriptions.disable(subscription.id(), after, "the receiver answered 410 Gone");
            outbox.dead(delivery.id(), claimed.claim(), after, 410, "410 Gone: the subscription is disabled");
            log.warn("Webhook subscription {} disabled: its receiver answered 410 Gone", subscription.id());
            return;
        }
        Optional<Instant> next = backoff.next(delivery.queuedAt(), delivery.attempts(), after, random);
        if (next.isPresent()) {
            outbox.retry(delivery.id(), claimed.claim(), after, result.status(), error, next.get());
            log.debug(
                    "Webhook {} to subscription {} failed ({}); next attempt at {}",
                    delivery.webhookId(),
                    subscription.id(),
                    error,
                    next.get());
        } else {
            outbox.dead(delivery.id(), claimed.claim(), after, result.status(), error);
            log.warn(
                    "Webhook {} to subscription {} is dead after {} attempts: {}",
                    delivery.webhookId(),
                    subscription.id(),
                    delivery.attempts(),
                    error);
        }
    }

    private static String shorten(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
