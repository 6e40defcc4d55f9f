-- Intake keeps the events it applied as every service does: in event_journal, through the shared EventJournal,
-- each as the signed record it arrived as (intake's own drafts as intake signed them), verified again when read
-- back. It replaces article_event, whose rows were the domain events as JSON, unsigned: they cannot be turned back
-- into signed records, so they are dropped and the view is rebuilt from the six article topics, which are kept
-- forever (/api answers 503 until it has caught up). article, slug and revision_claim stay: they hold slug
-- reservations and claimed revision numbers the log alone cannot restore, and replaying leaves their rows as they are.
-- Stop every instance of the previous version before the first instance of this one starts: an old instance would
-- go on writing article_event and moving the projection's position past what the journal never got.
create table event_journal (
    seq        bigint generated always as identity primary key,
    article_id text   not null,
    event_id   text   not null unique,
    event      bytea  not null
);
create index event_journal_by_article on event_journal (article_id, seq);

drop table article_event;
delete from projection_position where projection = 'articles';
