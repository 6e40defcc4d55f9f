-- Review's board and claims library (JdbcReviewStore), shared by every instance of review.

-- Every article review has seen an event of; open: its latest revision awaits decisions (the review queue).
create table review_article (
    article_id   text primary key,
    open         boolean not null default false,
    submitted_at timestamptz
);
create index review_article_queue on review_article (submitted_at, article_id) where open;

-- Every fact applied, per article in the order applied, as the contract encodes the event (signed): the board is
-- these folded by the domain's rules. The event id is unique, so a fact seen before changes nothing.
create table review_event (
    seq        bigint generated always as identity primary key,
    article_id text   not null references review_article,
    event_id   text   not null unique,
    event      bytea  not null
);
create index review_event_by_article on review_event (article_id, seq);

-- The claims library: the latest record of each key (made_at: its approval or retirement), with the words
-- suggestions compare (indexed) and the folded text searches read.
create table library_entry (
    library_key text        primary key,
    made_at     timestamptz not null,
    approved_at timestamptz not null,
    words       text[]      not null,
    search_text text        not null,
    entry       bytea       not null
);
create index library_entry_words on library_entry using gin (words);

-- The latest retirement of each key: decisions accepted from the entry before it no longer count, even once the
-- key is approved again.
create table library_retirement (
    library_key text        primary key,
    retired_at  timestamptz not null
);
