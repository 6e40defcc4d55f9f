-- "My articles" and GET /api/articles a page at a time in the database (JdbcArticleRegistry.page): per article,
-- when anything last happened to it (the latest event time applied) and who may read it (the usernames credited on
-- its latest draft; editors read every article). Kept current as each event is applied.
alter table article
    add column last_activity         timestamptz,
    add column authors               text[] not null default '{}',
    add column latest_draft_revision int;

-- The listing's order: the most recently active first, ties by article id.
create index article_by_activity on article (last_activity desc, article_id) where last_activity is not null;
-- A writer's own articles.
create index article_by_author on article using gin (authors);

-- The journal holds signed records, which SQL cannot read, so the new columns are filled by applying every event
-- again: the journal is emptied and rebuilt from the article topics, kept forever, as in V2 (/api answers 503 until
-- it has caught up). article, slug and revision_claim keep their rows.
delete from event_journal;
delete from projection_position where projection = 'articles';
