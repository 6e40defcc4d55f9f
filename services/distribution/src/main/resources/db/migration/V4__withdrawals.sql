-- Withdrawn articles as the pages serve them (JdbcPageStore): one row per article, the decision going furthest, as
-- the sealed ArticleRetracted or ArticleUnpublished read from article.published, checked again when read back.
create table withdrawal (
    article_id text        primary key,
    kind       text        not null check (kind in ('RETRACTED', 'UNPUBLISHED')),
    slug       text        not null,
    decided_at timestamptz not null,
    record     bytea       not null
);
-- Tombstones and "withdrawn since": the latest decision first.
create index withdrawal_newest_first on withdrawal (decided_at desc, article_id);

-- The publication gate (JdbcWithdrawalGate): review's decision as review signed it (ArticleWithdrawn), recorded by
-- withdrawArticle before it makes the decision public, and checked by publishArticle before every publication.
create table withdrawal_gate (
    article_id text primary key,
    kind       text not null check (kind in ('RETRACTED', 'UNPUBLISHED')),
    event_id   text not null,
    decision   bytea not null
);
