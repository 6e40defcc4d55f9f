package org.vetted.distribution.domain.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription, as the delivery log shows it.
 *
 * @param webhookId  the {@code webhook-id} header, the same on every attempt: what receivers deduplicate by
 * @param lastStatus the HTTP status of the last attempt, or 0 when it got none (refused address, timeout, ...)
 */
public record Delivery(
        UUID id,
        String webhookId,
        UUID subscriptionId,
        String eventId,
        String articleId,
        EventType type,
        DeliveryStatus status,
        int attempts,
        Instant queuedAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        int lastStatus,
        String lastError,
        Instant deliveredAt) {

    /** The {@code webhook-id} of a delivery: {@code msg_} and its id without dashes (no '.', as the spec asks). */
    public static String webhookId(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "");
    }
}
