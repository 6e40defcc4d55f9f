-- Re-review timers (JdbcReviewTimers): one row per article, for its latest approval. "Due" fires at due_at, "expired"
-- at review_by; each is fired once (due_fired_at, expired_fired_at), by whichever instance claims the row first
-- (FOR UPDATE SKIP LOCKED). A later approval of the article replaces the row and its timers. library_keys: the claims
-- library entries the approval's decisions were accepted from, so retiring one makes the review due at once.
create table review_timer (
    article_id       text        primary key,
    revision         int         not null,
    content_hash     text        not null,
    slug             text        not null,
    approved_at      timestamptz not null,
    due_at           timestamptz not null,
    review_by        timestamptz not null,
    library_keys     text[]      not null default '{}',
    due_library_key  text,
    due_reason       text,
    due_fired_at     timestamptz,
    expired_fired_at timestamptz,
    cancelled        boolean     not null default false
);
-- What the poller looks for: timers not yet fired, by when they fire.
create index review_timer_due on review_timer (due_at) where due_fired_at is null and not cancelled;
create index review_timer_expiry on review_timer (review_by) where expired_fired_at is null and not cancelled;
create index review_timer_library on review_timer using gin (library_keys) where not cancelled;
