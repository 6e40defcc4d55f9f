package org.vetted.distribution.web.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.distribution.app.webhooks.ManageSubscriptions;
import org.vetted.distribution.domain.webhooks.Delivery;
import org.vetted.distribution.domain.webhooks.EventType;
import org.vetted.distribution.domain.webhooks.Subscription;

/**
 * The editors' API of webhook subscriptions (the security configuration lets editors only in). The signing secret is
 * shown when a subscription is made and when it is rotated, never in a listing.
 */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
public class SubscriptionController {
    /** A subscription request is a URL and a few names: anything much larger is not one. */
    static final long MAX_BODY_BYTES = 16 * 1024;

    static final int DEFAULT_PAGE_SIZE = 50;

    private final ManageSubscriptions subscriptions;
    private final Clock clock;

    public SubscriptionController(ManageSubscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** What an editor sends: where to, and which event types. */
    public record SubscriptionRequest(String url, List<String> events) {}

    /** A subscription as listed; {@code secret} only in the answer that made or rotated it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(
            UUID id,
            String url,
            List<String> events,
            Instant createdAt,
            String createdBy,
            boolean enabled,
            Instant disabledAt,
            String disabledReason,
            Instant previousSecretValidUntil,
            String secret) {
        static SubscriptionView of(Subscription subscription, boolean withSecret, Instant now) {
            Instant previousUntil = subscription.previousUntil() != null && now.isBefore(subscription.previousUntil())
                    ? subscription.previousUntil()
                    : null;
            return new SubscriptionView(
                    subscription.id(),
                    subscription.url().toString(),
                    subscription.events().stream()
                            .sorted()
                            .map(EventType::wireName)
                            .toList(),
                    subscription.createdAt(),
                    subscription.createdBy(),
                    subscription.enabled(),
                    subscription.disabledAt(),
                    subscription.disabledReason(),
                    previousUntil,
                    withSecret ? subscription.secret().encoded() : null);
        }
    }

    /** One delivery in the log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(
            UUID id,
            String webhookId,
            String eventId,
            String articleId,
            String type,
            String status,
            int attempts,
            Instant queuedAt,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant deliveredAt) {
        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.webhookId(),
                    delivery.eventId(),
                    delivery.articleId(),
                    delivery.type().wireName(),
                    delivery.status().name(),
                    delivery.attempts(),
                    delivery.queuedAt(),
                    delivery.status().name().equals("PENDING") ? delivery.nextAttemptAt() : null,
                    delivery.lastAttemptAt(),
                    delivery.lastStatus() == 0 ? null : delivery.lastStatus(),
                    delivery.lastError(),
                    delivery.deliveredAt());
        }
    }

    /** A page of the delivery log, newest first. */
    public record DeliveryPage(int page, int size, List<DeliveryView> deliveries, String next) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> create(
            @RequestBody SubscriptionRequest request, Principal editor, HttpServletRequest http) {
        if (http.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        Subscription made = subscriptions.create(request.url(), request.events(), editor.getName());
        return ResponseEntity.created(URI.create("/api/subscriptions/" + made.id()))
                .body(SubscriptionView.of(made, true, made.createdAt()));
    }

    @GetMapping
    List<SubscriptionView> all() {
        Instant now = clock.instant();
        return subscriptions.all().stream()
                .map(subscription -> SubscriptionView.of(subscription, false, now))
                .toList();
    }

    @GetMapping("/{id}")
    SubscriptionView one(@PathVariable UUID id) {
        return subscriptions
                .find(id)
                .map(subscription -> SubscriptionView.of(subscription, false, clock.instant()))
                .orElseThrow(NoSuchSubscriptionException::new);
    }

    /** A new secret; the previous one keeps signing (a second signature) until {@code previousSecretValidUntil}. */
    @PostMapping("/{id}/secret")
    SubscriptionView rotate(@PathVariable UUID id) {
        return subscriptions
                .rotate(id)
                .map(subscription -> SubscriptionView.of(subscription, true, clock.instant()))
                .orElseThrow(NoSuchSubscriptionException::new);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!subscriptions.delete(id)) {
            throw new NoSuchSubscriptionException();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    DeliveryPage deliveries(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 1 || page > 10_000) {
            throw new InvalidParameterException("page", "must be a number from 1 to 10000");
        }
        if (size < 1 || size > ManageSubscriptions.MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", "must be from 1 to " + ManageSubscriptions.MAX_PAGE_SIZE);
        }
        List<DeliveryView> deliveries =
                subscriptions.deliveries(id, page, size).orElseThrow(NoSuchSubscriptionException::new).stream()
                        .map(DeliveryView::of)
                        .toList();
        String next = deliveries.size() == size
                ? "/api/subscriptions/" + id + "/deliveries?page=" + (page + 1) + "&size=" + size
                : null;
        return new DeliveryPage(page, size, deliveries, next);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    ResponseEntity<Map<String, String>> replay(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return switch (subscriptions.replay(id, deliveryId)) {
            case QUEUED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "PENDING"));
            case NOT_FOUND -> throw new NoSuchSubscriptionException();
            case NOT_DEAD -> throw new NotDeadException();
        };
    }

    static class NoSuchSubscriptionException extends RuntimeException {}

    static class NotDeadException extends RuntimeException {}

    static class BodyTooLargeException extends RuntimeException {}

    static class InvalidParameterException extends RuntimeException {
        final String field;
        final String reason;

        InvalidParameterException(String field, String reason) {
            this.field = field;
            this.reason = reason;
        }
    }
}
