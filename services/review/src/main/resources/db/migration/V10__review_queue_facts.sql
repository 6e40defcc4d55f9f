-- What the review queue filters and sorts by (ArticleQueueFacts), kept beside each article so that a page of the
-- queue is selected here rather than by folding every open article. Rows from before this migration have
-- queue_indexed false and are filled in when the queue is next read (their facts are signed events, which only the
-- service can read); a library retirement sets it false again for every open article, as it can reopen claims.
alter table review_article
    add column title                     text,
    add column author_keys               text[]  not null default '{}',
    add column tags                      text[]  not null default '{}',
    add column waits_for_second_reviewer boolean not null default false,
    add column high_risk_open            integer not null default 0,
    add column deciders                  text[]  not null default '{}',
    add column queue_indexed             boolean not null default false;

-- Oldest and newest first read review_article_queue (forwards, backwards); riskiest first reads this one.
create index review_article_queue_risk on review_article
    ((not waits_for_second_reviewer), (-high_risk_open), submitted_at, article_id) where open;
create index review_article_queue_authors on review_article using gin (author_keys) where open;
create index review_article_queue_tags on review_article using gin (tags) where open;
create index review_article_queue_deciders on review_article using gin (deciders) where open;
create index review_article_queue_unindexed on review_article (article_id) where open and not queue_indexed;
