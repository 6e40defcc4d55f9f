-- Review keeps its facts as every service keeps the events it applied: in event_journal, through the shared
-- EventJournal (one duplicate filter, one verified replay). The rows are already the records as they arrived,
-- signed, so the table is only renamed and keeps its data; the board folds the same rows as before.
alter table review_event rename to event_journal;
alter index review_event_by_article rename to event_journal_by_article;
alter index review_event_pkey rename to event_journal_pkey;
alter table event_journal rename constraint review_event_event_id_key to event_journal_event_id_key;
alter table event_journal rename constraint review_event_article_id_fkey to event_journal_article_id_fkey;
alter sequence review_event_seq_seq rename to event_journal_seq_seq;
