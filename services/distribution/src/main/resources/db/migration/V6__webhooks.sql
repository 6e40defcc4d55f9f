-- Signed webhooks for downstream sites without Kafka consumers: the subscriptions, and the outbox of deliveries,
-- filled by the webhooks projection of article.published in the transaction that stores its position
-- (projection_position, projection 'webhooks').
create table webhook_subscription (
    id              uuid        primary key,
    url             text        not null,
    events          text        not null, -- event type names, space separated
    secret          text        not null, -- whsec_...: HMAC needs the key itself, so it cannot be hashed
    previous_secret text,
    previous_until  timestamptz,
    created_at      timestamptz not null,
    created_by      text        not null,
    disabled_at     timestamptz,
    disabled_reason text
);

create table webhook_delivery (
    -- Orders one subscription's deliveries of one article: queued in topic order, which is the article's order.
    seq             bigint      generated always as identity,
    id              uuid        primary key, -- name-based on (subscription, event id): the webhook-id
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    event_id        text        not null,
    article_id      text        not null,
    event_type      text        not null,
    body            text        not null,    -- the JSON sent, the same on every attempt
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        int         not null default 0,
    queued_at       timestamptz not null,    -- the horizon counts from here (a replay sets it again)
    next_attempt_at timestamptz not null,
    claim           uuid,
    claimed_until   timestamptz,
    last_attempt_at timestamptz,
    last_status     int         not null default 0,
    last_error      text,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_article on webhook_delivery (subscription_id, article_id, seq) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, seq desc);
