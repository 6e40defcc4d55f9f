-- The public pages (JdbcPageStore): one row per article, its latest revision as the contract encodes
-- ArticlePublished, so a stored page decodes with every released schema as a record of the topic does.
create table page (
    article_id         text        primary key,
    slug               text        not null,
    revision           int         not null,
    published_at       timestamptz not null,
    first_published_at timestamptz not null,
    article            bytea       not null
);
-- The feed: newest publication first.
create index page_newest_first on page (published_at desc, article_id);

-- Who holds each slug: the first article stored under it, for as long as it keeps it.
create table slug_owner (
    slug       text primary key,
    article_id text not null
);

-- Every ArticlePublished event applied, so a repeated event changes nothing.
create table applied_event (
    event_id text primary key
);
