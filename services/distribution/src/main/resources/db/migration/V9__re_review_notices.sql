-- Re-review notices as the pages serve them (JdbcPageStore): one row per article, the latest notice of its latest
-- approval (by the approval's time, then an expiry over a "due", then the notice's time), kept as the sealed
-- ArticleReviewDue or ArticleReviewExpired read from article.published and checked again when read back. A page
-- whose approval is later than the row's has been reviewed again: the row no longer concerns it.
create table review_notice (
    article_id       text        primary key,
    kind             text        not null check (kind in ('DUE', 'EXPIRED')),
    last_reviewed_at timestamptz not null,
    noticed_at       timestamptz not null,
    record           bytea       not null
);
