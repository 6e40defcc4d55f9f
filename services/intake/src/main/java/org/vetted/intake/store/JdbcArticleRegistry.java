package org.vetted.intake.store;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.intake.app.ArticleRecords;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleHistory;
import org.vetted.intake.domain.articles.ArticleListing;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.articles.KnownArticle;
import org.vetted.support.journal.EventJournal;
import org.vetted.support.projection.AdvisoryLocks;

/**
 * {@link ArticleRegistry} in PostgreSQL, shared by every instance of intake: a restart reads only the events written
 * while it was down, and every instance answers, numbers and hands out slugs from the same data.
 * <p>
 * What is stored: every applied event, per article in the order applied, as its record arrived from its topic (or as
 * intake signed its own draft), in the {@code event_journal} every service keeps through {@link EventJournal}; a read
 * folds an article's events through the domain's rules ({@link ArticleHistory}), so the database holds facts, not a
 * rendering of them, and a change to the view's rules needs no migration. Every row read back is verified as a record
 * from the topics is ({@link ArticleRecords}): whoever holds the database credential has no signing key, so cannot
 * make an author of someone or take a slug. An article with a row that fails is logged at ERROR and answered as
 * unknown, never folded without the row, until the row is repaired. Beside them, index tables for what crosses
 * articles: {@code article} (every article in the order first seen, and the slug its first draft fixed), {@code slug}
 * (taken or reserved), {@code revision_claim}.
 * Applying is one transaction (joining the caller's: {@code SharedProjection} opens one per record): the article's
 * row is locked first, so two instances applying events of one article at once (while a partition changes hands,
 * or a submission recorded beside the consumer) apply them one after the other, and a repeated event id is refused
 * by its unique key.
 * <p>
 * Across instances:
 * <ul>
 * <li>Slugs: a reservation is a row under the slug's primary key, so of two instances reserving one slug exactly one
 * succeeds. A reservation whose article was never recorded (the instance died while publishing) lapses after
 * {@link #RESERVATION}, far longer than publishing may take (Kafka's delivery timeout is two minutes); one whose
 * send failed ambiguously is held and never lapses ({@link #holdSlug}).</li>
 * <li>Revision numbers: {@link #exclusively} takes a PostgreSQL advisory lock on the article id for the whole
 * number-claim-publish-record step ({@link AdvisoryLocks}), so revisions of one article are published in the order
 * of their numbers whichever instance takes them; the claim ({@code revision_claim}'s primary key) makes a number
 * unique even if a revision was published but could not be recorded.</li>
 * </ul>
 * Reads fold every event of the articles they show: fine for an editorial pipeline's volume. Which articles a
 * listing page shows is chosen in SQL, from columns of {@code article} kept current as events are applied
 * ({@link #page}).
 */
public class JdbcArticleRegistry implements ArticleRegistry {
    /** How long a slug reservation holds without its article being recorded. */
    static final Duration RESERVATION = Duration.ofMinutes(15);
    /** The first key of intake's advisory locks; the second is the article id's hash. */
    private static final int ARTICLE_LOCKS = 0x1a7a_0001;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AdvisoryLocks locks;
    private final EventJournal<ArticleEvent> journal;

    /**
     * @param maxLockHolders submissions holding an article lock at once: under half the connection pool
     */
    public JdbcArticleRegistry(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ArticleRecords records,
            int maxLockHolders) {
        this.jdbc = jdbc;
        this.journal = new EventJournal<>(jdbc, records::read, ArticleEvent::articleId);
        this.transactions = transactions;
        this.locks = new AdvisoryLocks(dataSource, ARTICLE_LOCKS, maxLockHolders);
    }

    /** Spring's data access exceptions: the database did not answer or refused the statement. */
    @Override
    public boolean isUnavailable(RuntimeException failure) {
        return failure instanceof DataAccessException;
    }

    @Override
    public boolean apply(ArticleEvent event, byte[] record) {
        return Boolean.TRUE.equals(transactions.execute(status -> applyInTransaction(event, record)));
    }

    private boolean applyInTransaction(ArticleEvent event, byte[] record) {
        String articleId = event.articleId();
        jdbc.update("insert into article (article_id) values (?) on conflict do nothing", articleId);
        String slug = jdbc.queryForObject(
                "select slug from article where article_id = ? for update", String.class, articleId);
        if (!journal.keep(articleId, event.eventId(), record)) {
            return false;
        }
        // What the listing pages by, kept as the fold would find it: the latest event time, and the authors of the
        // latest draft (of the highest revision; of two drafts of one revision, the one applied last).
        jdbc.update(
                "update article set last_activity = greatest(last_activity, ?) where article_id = ?",
                OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC),
                articleId);
        if (event instanceof ArticleEvent.DraftRecorded draft) {
            jdbc.update(
                    "update article set authors = ?, latest_draft_revision = ? where article_id = ? "
                            + "and (latest_draft_revision is null or latest_draft_revision <= ?)",
                    statement -> {
                        statement.setArray(
                                1,
                                statement
                                        .getConnection()
                                        .createArrayOf(
                                                "text",
                                                draft.authors().stream()
                                                        .map(Author::username)
                                                        .toArray()));
                        statement.setInt(2, draft.revision());
                        statement.setString(3, articleId);
                        statement.setInt(4, draft.revision());
                    });
        }
        if (event instanceof ArticleEvent.DraftRecorded draft && slug == null) {
            jdbc.update("update article set slug = ? where article_id = ?", draft.slug(), articleId);
            // A reservation becomes the article's; a slug another article holds stays with it.
            jdbc.update(
                    "insert into slug (slug, article_id) values (?, ?) on conflict (slug) do update set "
                            + "article_id = coalesce(slug.article_id, excluded.article_id), reserved_at = null",
                    draft.slug(),
                    articleId);
        }
        return true;
    }

    @Override
    public Optional<ArticleView> view(String articleId) {
        return history(articleId).map(ArticleHistory::view);
    }

    @Override
    public List<ArticleView> all() {
        EventJournal.Read<ArticleEvent> read = journal.readWhere("true");
        Map<String, List<ArticleEvent>> byArticle = new LinkedHashMap<>();
        jdbc.query("select article_id from article order by seq", row -> {
            byArticle.put(row.getString(1), new ArrayList<>());
        });
        for (EventJournal.Kept<ArticleEvent> kept : read.verified()) {
            if (!read.unreadable().contains(kept.articleId())) {
                byArticle
                        .computeIfAbsent(kept.articleId(), id -> new ArrayList<>())
                        .add(kept.event());
            }
        }
        // An article without readable events is none to show: not seen yet since a rebuild, or unreadable.
        byArticle.values().removeIf(List::isEmpty);
        return byArticle.entrySet().stream()
                .map(article ->
                        ArticleHistory.of(article.getKey(), article.getValue()).view())
                .toList();
    }

    /**
     * The page's articles are selected and ordered in SQL ({@code article_by_activity}), one more than asked to know
     * whether a next page exists, then each is folded as {@link #view} folds it; the cursor is the stored time and id
     * of the last one, the same values the next page's query compares. An article whose events fail verification is
     * left out, as {@link #all} leaves it out.
     */
    @Override
    public ArticleListing.Page page(Account reader, int limit, ArticleListing.Cursor after) {
        if (limit < 1 || limit > ArticleListing.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + ArticleListing.MAX_LIMIT);
        }
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("select article_id, last_activity from article where last_activity is not null");
        if (!reader.has(Role.EDITOR)) {
            sql.append(" and authors @> array[?]::text[]");
            arguments.add(reader.username());
        }
        if (after != null) {
            OffsetDateTime at = OffsetDateTime.ofInstant(after.lastActivity(), ZoneOffset.UTC);
            sql.append(" and (last_activity < ? or last_activity = ? and article_id > ?)");
            arguments.add(at);
            arguments.add(at);
            arguments.add(after.articleId());
        }
        sql.append(" order by last_activity desc, article_id limit ?");
        arguments.add(limit + 1);
        List<ArticleListing.Cursor> rows = jdbc.query(
                sql.toString(),
                (row, n) -> new ArticleListing.Cursor(
                        row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(1)),
                arguments.toArray());
        List<ArticleListing.Cursor> shown = rows.subList(0, Math.min(limit, rows.size()));
        List<ArticleView> articles = shown.stream()
                .map(row -> view(row.articleId()))
                .flatMap(Optional::stream)
                .toList();
        String next = rows.size() > limit ? shown.get(limit - 1).encode() : null;
        return new ArticleListing.Page(articles, next);
    }

    @Override
    public Optional<KnownArticle> find(String articleId) {
        Optional<KnownArticle> known = history(articleId).flatMap(ArticleHistory::known);
        if (known.isEmpty()) {
            return known;
        }
        Integer claimed = jdbc.queryForObject(
                "select max(revision) from revision_claim where article_id = ?", Integer.class, articleId);
        return known.map(article -> article.countingClaims(claimed == null ? 0 : claimed));
    }

    private Optional<ArticleHistory> history(String articleId) {
        List<ArticleEvent> events = journal.read(articleId).readable();
        return events.isEmpty() ? Optional.empty() : Optional.of(ArticleHistory.of(articleId, events));
    }

    @Override
    public boolean slugTaken(String slug) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from slug where slug = ? and "
                        + "(article_id is not null or reserved_at > now() - ? * interval '1 second'))",
                Boolean.class,
                slug,
                RESERVATION.toSeconds()));
    }

    @Override
    public boolean reserveSlug(String slug) {
        return jdbc.update(
                        "insert into slug (slug, reserved_at) values (?, now()) on conflict (slug) do update "
                                + "set reserved_at = now() where slug.article_id is null "
                                + "and slug.reserved_at < now() - ? * interval '1 second'",
                        slug,
                        RESERVATION.toSeconds())
                == 1;
    }

    @Override
    public void releaseSlug(String slug) {
        jdbc.update("delete from slug where slug = ? and article_id is null", slug);
    }

    /** Reserved until 'infinity': never older than {@link #RESERVATION}, so it does not lapse. */
    @Override
    public void holdSlug(String slug) {
        jdbc.update("update slug set reserved_at = 'infinity' where slug = ? and article_id is null", slug);
    }

    @Override
    public boolean claimRevision(String articleId, int revision) {
        return jdbc.update(
                        "insert into revision_claim (article_id, revision) values (?, ?) on conflict do nothing",
                        articleId,
                        revision)
                == 1;
    }

    @Override
    public void releaseRevision(String articleId, int revision) {
        jdbc.update("delete from revision_claim where article_id = ? and revision = ?", articleId, revision);
    }

    @Override
    public <T> T exclusively(String articleId, Supplier<T> work) {
        return locks.exclusively(articleId, work);
    }
}
