package org.vetted.distribution.store;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.distribution.app.webhooks.DeliveryOutbox;
import org.vetted.distribution.app.webhooks.SubscriptionStore;
import org.vetted.distribution.domain.webhooks.Delivery;
import org.vetted.distribution.domain.webhooks.DeliveryStatus;
import org.vetted.distribution.domain.webhooks.EventType;
import org.vetted.distribution.domain.webhooks.SigningSecret;
import org.vetted.distribution.domain.webhooks.Subscription;
import org.vetted.distribution.domain.webhooks.WebhookEvent;

/**
 * Subscriptions and the webhook outbox in PostgreSQL. A delivery's id is name-based on (subscription, event id) and
 * unique with them, so an event queued twice (a replay, another instance) stays one delivery with one webhook-id.
 * Due deliveries are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease: two instances never hold one attempt.
 */
public class JdbcWebhookStore implements SubscriptionStore, DeliveryOutbox {
    private static final String SUBSCRIPTION_COLUMNS = "s.id, s.url, s.events, s.secret, s.previous_secret, "
            + "s.previous_until, s.created_at, s.created_by, s.disabled_at, s.disabled_reason";
    private static final String DELIVERY_COLUMNS = "d.id, d.subscription_id, d.event_id, d.article_id, d.event_type, "
            + "d.status, d.attempts, d.queued_at, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, "
            + "d.delivered_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcWebhookStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void add(Subscription subscription) {
        jdbc.update(
                "insert into webhook_subscription (id, url, events, secret, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?)",
                subscription.id(),
                subscription.url().toString(),
                names(subscription.events()),
                subscription.secret().encoded(),
                Timestamp.from(subscription.createdAt()),
                subscription.createdBy());
    }

    @Override
    public List<Subscription> all() {
        return jdbc.query(
                "select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription s order by s.created_at, s.id",
                (row, n) -> subscription(row, 1));
    }

    @Override
    public Optional<Subscription> find(UUID id) {
        return jdbc
                .query(
                        "select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription s where s.id = ?",
                        (row, n) -> subscription(row, 1),
                        id)
                .stream()
                .findFirst();
    }

    @Override
    public boolean rotate(UUID id, SigningSecret next, Instant previousUntil) {
        return jdbc.update(
                        "update webhook_subscription set previous_secret = secret, previous_until = ?, secret = ? "
                                + "where id = ?",
                        Timestamp.from(previousUntil),
                        next.encoded(),
                        id)
                == 1;
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.update("delete from webhook_subscription where id = ?", id) == 1;
    }

    @Override
    public void disable(UUID id, Instant at, String reason) {
        jdbc.update(
                "update webhook_subscription set disabled_at = ?, disabled_reason = ? "
                        + "where id = ? and disabled_at is null",
                Timestamp.from(at),
                reason,
                id);
    }

    @Override
    public int queue(WebhookEvent event, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update(
                "insert into webhook_delivery (id, subscription_id, event_id, article_id, event_type, body, status, "
                        + "queued_at, next_attempt_at) "
                        + "select md5(s.id::text || '/' || ?)::uuid, s.id, ?, ?, ?, ?, 'PENDING', ?, ? "
                        + "from webhook_subscription s where s.disabled_at is null and s.created_at <= ? "
                        + "and position(' ' || ? || ' ' in ' ' || s.events || ' ') > 0 "
                        + "order by s.created_at, s.id "
                        + "on conflict (subscription_id, event_id) do nothing",
                event.eventId(),
                event.eventId(),
                event.articleId(),
                event.type().wireName(),
                event.body(),
                at,
                at,
                Timestamp.from(event.occurredAt()),
                event.type().wireName());
    }

    @Override
    public List<Claimed> claim(Instant now, int limit, Duration lease) {
        Timestamp at = Timestamp.from(now);
        UUID claim = UUID.randomUUID();
        List<Claimed> claimed = transactions.execute(status -> {
            List<UUID> ids = jdbc.queryForList(
                    "select d.id from webhook_delivery d where d.id in ("
                            + " select id from ("
                            + "  select c.id, c.next_attempt_at, c.seq, row_number() over ("
                            + "   partition by c.subscription_id order by c.next_attempt_at, c.seq) as rank"
                            + "  from webhook_delivery c join webhook_subscription s on s.id = c.subscription_id"
                            + "  where c.status = 'PENDING' and s.disabled_at is null and c.next_attempt_at <= ?"
                            + "   and (c.claimed_until is null or c.claimed_until <= ?)"
                            // In order per (subscription, article): an earlier pending delivery goes first.
                            + "   and not exists (select 1 from webhook_delivery e where"
                            + "    e.subscription_id = c.subscription_id and e.article_id = c.article_id"
                            + "    and e.status = 'PENDING' and e.seq < c.seq)"
                            // One attempt in flight per subscription: a slow receiver holds one worker at most.
                            + "   and not exists (select 1 from webhook_delivery f where"
                            + "    f.subscription_id = c.subscription_id and f.status = 'PENDING'"
                            + "    and f.claimed_until > ?)"
                            // More candidates than wanted: rows another instance is claiming are skipped.
                            + " ) ranked where rank = 1 order by next_attempt_at, seq limit ?)"
                            + " and d.status = 'PENDING' and (d.claimed_until is null or d.claimed_until <= ?)"
                            + " order by d.next_attempt_at, d.seq limit ?"
                            + " for update of d skip locked",
                    UUID.class,
                    at,
                    at,
                    at,
                    limit * 4,
                    at,
                    limit);
            if (ids.isEmpty()) {
                return List.<Claimed>of();
            }
            for (UUID id : ids) {
                jdbc.update(
                        "update webhook_delivery set claim = ?, claimed_until = ?, attempts = attempts + 1, "
                                + "last_attempt_at = ? where id = ?",
                        claim,
                        Timestamp.from(now.plus(lease)),
                        at,
                        id);
            }
            return jdbc.query(
                    "select " + DELIVERY_COLUMNS + ", d.body, " + SUBSCRIPTION_COLUMNS
                            + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                            + " where d.claim = ? order by d.next_attempt_at, d.seq",
                    (row, n) -> new Claimed(delivery(row), claim, subscription(row, 15), row.getString(14)),
                    claim);
        });
        return claimed == null ? List.of() : claimed;
    }

    @Override
    public boolean delivered(UUID deliveryId, UUID claim, Instant at, int status) {
        return jdbc.update(
                        "update webhook_delivery set status = 'DELIVERED', delivered_at = ?, last_status = ?, "
                                + "last_error = null, claim = null, claimed_until = null where id = ? and claim = ?",
                        Timestamp.from(at),
                        status,
                        deliveryId,
                        claim)
                == 1;
    }

    @Override
    public boolean retry(UUID deliveryId, UUID claim, Instant at, int status, String error, Instant next) {
        return jdbc.update(
                        "update webhook_delivery set next_attempt_at = ?, last_status = ?, last_error = ?, "
                                + "claim = null, claimed_until = null where id = ? and claim = ?",
                        Timestamp.from(next),
                        status,
                        error,
                        deliveryId,
                        claim)
                == 1;
    }

    @Override
    public boolean dead(UUID deliveryId, UUID claim, Instant at, int status, String error) {
        return jdbc.update(
                        "update webhook_delivery set status = 'DEAD', last_status = ?, last_error = ?, "
                                + "claim = null, claimed_until = null where id = ? and claim = ?",
                        status,
                        error,
                        deliveryId,
                        claim)
                == 1;
    }

    @Override
    public List<Delivery> log(UUID subscriptionId, int offset, int limit) {
        return jdbc.query(
                "select " + DELIVERY_COLUMNS + " from webhook_delivery d where d.subscription_id = ? "
                        + "order by d.seq desc limit ? offset ?",
                (row, n) -> delivery(row),
                subscriptionId,
                limit,
                offset);
    }

    @Override
    public Optional<Delivery> find(UUID subscriptionId, UUID deliveryId) {
        return jdbc
                .query(
                        "select " + DELIVERY_COLUMNS + " from webhook_delivery d where d.subscription_id = ? "
                                + "and d.id = ?",
                        (row, n) -> delivery(row),
                        subscriptionId,
                        deliveryId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean replay(UUID subscriptionId, UUID deliveryId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update(
                        "update webhook_delivery set status = 'PENDING', queued_at = ?, next_attempt_at = ?, "
                                + "attempts = 0, claim = null, claimed_until = null "
                                + "where subscription_id = ? and id = ? and status = 'DEAD'",
                        at,
                        at,
                        subscriptionId,
                        deliveryId)
                == 1;
    }

    private static String names(Set<EventType> events) {
        return events.stream().sorted().map(EventType::wireName).collect(Collectors.joining(" "));
    }

    private static Subscription subscription(ResultSet row, int first) throws SQLException {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        Arrays.stream(row.getString(first + 2).split(" "))
                .map(EventType::named)
                .flatMap(Optional::stream)
                .forEach(events::add);
        String previous = row.getString(first + 4);
        return new Subscription(
                row.getObject(first, UUID.class),
                URI.create(row.getString(first + 1)),
                events,
                SigningSecret.parse(row.getString(first + 3)),
                previous == null ? null : SigningSecret.parse(previous),
                instant(row, first + 5),
                instant(row, first + 6),
                row.getString(first + 7),
                instant(row, first + 8),
                row.getString(first + 9));
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        return new Delivery(
                id,
                Delivery.webhookId(id),
                row.getObject(2, UUID.class),
                row.getString(3),
                row.getString(4),
                EventType.named(row.getString(5)).orElseThrow(),
                DeliveryStatus.valueOf(row.getString(6)),
                row.getInt(7),
                instant(row, 8),
                instant(row, 9),
                instant(row, 10),
                row.getInt(11),
                row.getString(12),
                instant(row, 13));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
