-- Distribution keeps the publications it applied as every service keeps its events: in event_journal, through the
-- shared EventJournal, each as the signed record it arrived as (the one duplicate filter, and what a rebuild can be
-- checked against). It replaces applied_event, which kept only the ids. The page table stays the read model.
-- applied_event held ids only, so the journal cannot be filled from it: empty the pages and reset the projection,
-- and distribution rebuilds both from article.published, which is kept forever. The site answers 503 until caught up.
create table event_journal (
    seq        bigint generated always as identity primary key,
    article_id text   not null,
    event_id   text   not null unique,
    event      bytea  not null
);
create index event_journal_by_article on event_journal (article_id, seq);

drop table applied_event;
delete from page;
delete from slug_owner;
delete from projection_position where projection = 'pages';
