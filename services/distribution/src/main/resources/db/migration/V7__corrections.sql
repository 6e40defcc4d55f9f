-- The corrections of each article as its page lists them (JdbcPageStore): one row per ArticleCorrected applied, as
-- the sealed record read from article.published, checked again when read back (a row that fails is not listed).
create table correction (
    event_id     text        primary key,
    article_id   text        not null,
    revision     int         not null,
    corrected_at timestamptz not null,
    record       bytea       not null
);
create index correction_by_article on correction (article_id, corrected_at);
