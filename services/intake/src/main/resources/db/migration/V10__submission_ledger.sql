-- Idempotency tokens of the writers' forms (JdbcSubmissionLedger): one row per writer and token. While article_id
-- is null a submission holds the token (claimed_at: since when); then it names the revision the token made.
create table submission_token (
    username   text        not null,
    token      text        not null,
    claimed_at timestamptz not null default now(),
    article_id text,
    revision   int,
    primary key (username, token)
);

-- The warnings and quoted experts intake found in a revision it published; the article events do not carry them.
create table revision_notes (
    article_id text  not null,
    revision   int   not null,
    notes      jsonb not null,
    primary key (article_id, revision)
);
