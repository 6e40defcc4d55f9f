package org.vetted.distribution.app.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vetted.distribution.domain.webhooks.SigningSecret;
import org.vetted.distribution.domain.webhooks.Subscription;

/** The subscriptions, shared by every instance. */
public interface SubscriptionStore {
    void add(Subscription subscription);

    /** Every subscription, oldest first. */
    List<Subscription> all();

    Optional<Subscription> find(UUID id);

    /** Makes {@code next} the secret; the current one signs beside it until {@code previousUntil}. */
    boolean rotate(UUID id, SigningSecret next, Instant previousUntil);

    /** Removes the subscription and its deliveries. */
    boolean delete(UUID id);

    /** Nothing more is sent to it (its receiver answered 410 Gone). */
    void disable(UUID id, Instant at, String reason);
}
