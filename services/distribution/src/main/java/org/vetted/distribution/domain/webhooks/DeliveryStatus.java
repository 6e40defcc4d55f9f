package org.vetted.distribution.domain.webhooks;

/** Where a delivery stands: waiting (first attempt or a retry), received (2xx), or given up (dead). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}
