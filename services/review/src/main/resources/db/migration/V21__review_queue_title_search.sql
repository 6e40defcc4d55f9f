-- The queue's title search (QueueQuery.titleContains) reads title_folded: the title in the one folded form every rule
-- reads text in (ClaimWords.folded: invisible characters out, NFKC, accents and case aside, spaces collapsed), the
-- form the search words are put in too. A trigram index answers "contains" without reading every open row; pg_trgm
-- ships with PostgreSQL's contrib and is a trusted extension (the database owner may create it).
create extension if not exists pg_trgm;

alter table review_article add column title_folded text;

-- fastupdate off: rows arrive one at a time, and GIN's pending list (read through by every search until a vacuum
-- merges it) made a search that matches nothing cost as much as reading the table.
create index review_article_queue_title on review_article
    using gin (title_folded gin_trgm_ops) with (fastupdate = off) where open;

-- Open rows get their folded title when the queue is next read (their facts are signed events, which only the
-- service can read).
update review_article set queue_indexed = false where open;
