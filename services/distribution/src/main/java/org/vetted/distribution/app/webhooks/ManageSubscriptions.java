package org.vetted.distribution.app.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.vetted.distribution.domain.webhooks.AddressPolicy;
import org.vetted.distribution.domain.webhooks.Delivery;
import org.vetted.distribution.domain.webhooks.FieldProblem;
import org.vetted.distribution.domain.webhooks.SigningSecret;
import org.vetted.distribution.domain.webhooks.Subscription;
import org.vetted.distribution.domain.webhooks.SubscriptionRules;

/**
 * The editors' use cases on subscriptions: create (the request's rules, then where its host resolves to), list,
 * rotate the secret (the old one keeps signing for the grace period), delete, and the delivery log with the replay of
 * a dead delivery.
 */
public class ManageSubscriptions {
    public static final int MAX_PAGE_SIZE = 100;

    private final SubscriptionStore subscriptions;
    private final DeliveryOutbox outbox;
    private final SubscriptionRules rules;
    private final AddressPolicy addresses;
    private final HostResolver resolver;
    private final Clock clock;
    private final Duration rotationGrace;
    private final Supplier<SigningSecret> secrets;

    public ManageSubscriptions(
            SubscriptionStore subscriptions,
            DeliveryOutbox outbox,
            SubscriptionRules rules,
            AddressPolicy addresses,
            HostResolver resolver,
            Clock clock,
            Duration rotationGrace,
            Supplier<SigningSecret> secrets) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.rules = rules;
        this.addresses = addresses;
        this.resolver = resolver;
        this.clock = clock;
        this.rotationGrace = rotationGrace;
        this.secrets = secrets;
    }

    /** A new subscription, with its secret: the only time the secret is shown. */
    public Subscription create(String url, List<String> events, String editor) {
        SubscriptionRules.Checked checked = rules.check(url, events);
        if (!checked.valid()) {
            throw new InvalidSubscriptionException(checked.problems());
        }
        checkAddress(checked.url()).ifPresent(problem -> {
            throw new InvalidSubscriptionException(List.of(problem));
        });
        Subscription subscription = new Subscription(
                UUID.randomUUID(),
                checked.url(),
                checked.events(),
                secrets.get(),
                null,
                null,
                clock.instant(),
                editor,
                null,
                null);
        subscriptions.add(subscription);
        return subscription;
    }

    private Optional<FieldProblem> checkAddress(URI url) {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(new FieldProblem("url", "its host does not resolve"));
        }
        return addresses.refusal(resolved).map(reason -> new FieldProblem("url", "is refused: " + reason));
    }

    public List<Subscription> all() {
        return subscriptions.all();
    }

    public Optional<Subscription> find(UUID id) {
        return subscriptions.find(id);
    }

    /** A new secret; the current one signs beside it until the grace period ends. Empty when there is no such id. */
    public Optional<Subscription> rotate(UUID id) {
        Instant until = clock.instant().plus(rotationGrace);
        if (!subscriptions.rotate(id, secrets.get(), until)) {
            return Optional.empty();
        }
        return subscriptions.find(id);
    }

    public boolean delete(UUID id) {
        return subscriptions.delete(id);
    }

    /** A page (from 1) of the subscription's deliveries, newest first; empty when there is no such subscription. */
    public Optional<List<Delivery>> deliveries(UUID id, int page, int size) {
        if (subscriptions.find(id).isEmpty()) {
            return Optional.empty();
        }
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int offset = (Math.max(1, page) - 1) * limit;
        return Optional.of(outbox.log(id, offset, limit));
    }

    /** Outcome of a replay request. */
    public enum Replay {
        QUEUED,
        NOT_FOUND,
        NOT_DEAD
    }

    /** Queues a dead delivery again, with a new horizon from now and the same webhook-id. */
    public Replay replay(UUID subscriptionId, UUID deliveryId) {
        if (outbox.find(subscriptionId, deliveryId).isEmpty()) {
            return Replay.NOT_FOUND;
        }
        return outbox.replay(subscriptionId, deliveryId, clock.instant()) ? Replay.QUEUED : Replay.NOT_DEAD;
    }
}
