-- Intake's view of the articles (JdbcArticleRegistry), shared by every instance of intake.

-- Every article, in the order its first event was applied; slug: that of its first draft applied.
create table article (
    article_id text   primary key,
    seq        bigint generated always as identity unique,
    slug       text
);

-- Every event applied, per article in the order applied: the view is these folded by the domain's rules. The
-- event id is unique, so an event seen before changes nothing.
create table article_event (
    seq        bigint generated always as identity primary key,
    article_id text   not null references article,
    event_id   text   not null unique,
    event      jsonb  not null
);
create index article_event_by_article on article_event (article_id, seq);

-- Slugs taken by an article's first draft, or reserved (article_id null) for a new article while its
-- DraftSubmitted is being published. The primary key makes a reservation atomic across instances.
create table slug (
    slug        text primary key,
    article_id  text,
    reserved_at timestamptz
);

-- Revision numbers claimed by submissions before publishing them: a number is claimed once.
create table revision_claim (
    article_id text not null,
    revision   int  not null,
    primary key (article_id, revision)
);
