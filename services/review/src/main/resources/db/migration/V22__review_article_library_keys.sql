-- The claims library entries an article's decisions were accepted from (every decision of every revision, full
-- keys), so that retiring an entry re-indexes only the open articles that used it. Rows written before are filled in
-- by the next queue read, which indexes every open row not indexed.
alter table review_article add column library_keys text[] not null default '{}';

create index review_article_library_keys on review_article using gin (library_keys) where open;

update review_article set queue_indexed = false where open;
