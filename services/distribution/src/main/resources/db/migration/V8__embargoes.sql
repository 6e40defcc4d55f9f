-- Renderings held until their embargo (JdbcEmbargoes): the signed ArticleRendered as it arrived, verified again when
-- released. A row is released by one instance (select ... for update skip locked) and keeps what became of it.
create table embargo (
    event_id   text        primary key,
    article_id text        not null,
    publish_at timestamptz not null,
    rendering  bytea       not null,
    state      text        not null default 'PENDING' check (state in ('PENDING', 'PUBLISHED', 'CANCELLED')),
    decided_at timestamptz,
    reason     text
);
create index embargo_due on embargo (publish_at) where state = 'PENDING';

-- The claims library's latest entry per key (JdbcRetiredClaims), from review's compacted claims.library: an embargoed
-- article relying on an entry retired by its time is not published. Verified again when read back.
create table library_entry (
    library_key text    primary key,
    event_id    text    not null,
    retired     boolean not null,
    entry       bytea   not null
);
