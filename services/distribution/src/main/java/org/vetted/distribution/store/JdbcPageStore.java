package org.vetted.distribution.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.distribution.app.PageRecords;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Correction;
import org.vetted.distribution.domain.PublicEvent;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.support.journal.EventJournal;

/**
 * {@link PageStore} in PostgreSQL, shared by every instance of distribution: pages survive restarts and every
 * instance serves the same ones. Each apply is one transaction (joining the caller's, as {@code SharedProjection}
 * opens one per record). Two instances may apply events of one article at once only while a partition changes
 * hands: the article's row is locked, a slug is claimed with a unique key, and a conflicting first insert fails the
 * transaction, so the record is retried and then sees the other's result.
 * <p>
 * The database is not trusted with what the site shows: whoever holds its credential could otherwise serve any HTML
 * under our name. Each page is stored as the signed {@code ArticlePublished} it came from, and every page read back
 * (page, feed, API) is checked again with the keys that admitted the record from the topic: distribution's signature
 * over every field, the exact HTML included, and that the row is the one asked for (its article id, its slug). A row
 * that fails is not served, as if missing, and logged as an error naming the article.
 * <p>
 * Every publication applied is also kept in the {@code event_journal} every service keeps ({@link EventJournal}), as
 * the signed record it arrived as (with its seal, in the topic's encoding): its event id is the one duplicate filter,
 * and its rows read back only through the same seal check. The {@code page} table stays the read model the site
 * serves; it is rebuilt from the topic, which is kept forever.
 */
public class JdbcPageStore implements PageStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcPageStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PageRecords records;
    private final EventJournal<PublicEvent> journal;

    /** @param records the signed form pages are kept in, checked as {@code servePublished} checks the topic's */
    public JdbcPageStore(JdbcTemplate jdbc, TransactionTemplate transactions, PageRecords records) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.records = records;
        this.journal = new EventJournal<>(jdbc, this::sealed, PublicEvent::articleId);
    }

    /** The journal's reader: a kept record read back only while distribution's seal holds. */
    private PublicEvent sealed(byte[] record) {
        PageRecords.Read read = records.decode(record);
        if (read instanceof PageRecords.Sealed sealed) {
            return sealed.article();
        }
        if (read instanceof PageRecords.SealedWithdrawal sealed) {
            return sealed.withdrawal();
        }
        if (read instanceof PageRecords.SealedReReview sealed) {
            return sealed.notice();
        }
        throw new IllegalStateException(
                read instanceof PageRecords.Refused refused ? refused.reason() : "not a record of the public topic");
    }

    /** A page row as read, not trusted yet, with its withdrawal row if any. */
    private record Row(String articleId, byte[] article, Instant firstPublishedAt, byte[] withdrawal) {}

    /** The page columns and the withdrawal's record, for {@link #row}. */
    private static final String PAGE_COLUMNS = "p.article_id, p.article, p.first_published_at, w.record";

    private static final String PAGES = "page p left join withdrawal w on w.article_id = p.article_id";

    private record Current(int revision, String slug, Instant firstPublishedAt) {}

    @Override
    public Outcome apply(PublishedArticle article) {
        return transactions.execute(status -> applyInTransaction(article));
    }

    private Outcome applyInTransaction(PublishedArticle article) {
        Outcome outcome = applyPage(article);
        if (article.isCorrection() && (outcome == Outcome.STORED || outcome == Outcome.SUPERSEDED)) {
            jdbc.update(
                    "insert into correction (event_id, article_id, revision, corrected_at, record) "
                            + "values (?, ?, ?, ?, ?) on conflict do nothing",
                    article.eventId(),
                    article.articleId(),
                    article.revision(),
                    Timestamp.from(article.publishedAt()),
                    records.encode(article));
        }
        return outcome;
    }

    private Outcome applyPage(PublishedArticle article) {
        byte[] record = records.encode(article);
        if (!journal.keep(article.articleId(), article.eventId(), record)) {
            return Outcome.DUPLICATE;
        }
        // Withdrawn is final for an article id: a publication read after its withdrawal is never served.
        if (withdrawalKind(article.articleId()).isPresent()) {
            return Outcome.WITHDRAWN;
        }
        Optional<Current> current = jdbc
                .query(
                        "select revision, slug, first_published_at from page " + "where article_id = ? for update",
                        (row, i) -> new Current(row.getInt(1), row.getString(2), instant(row, 3)),
                        article.articleId())
                .stream()
                .findFirst();
        Optional<String> owner = slugOwner(article.slug());
        if (owner.isPresent() && !owner.get().equals(article.articleId())) {
            return Outcome.SLUG_TAKEN;
        }
        if (current.isEmpty()) {
            if (!claim(article)) {
                return Outcome.SLUG_TAKEN;
            }
            jdbc.update(
                    "insert into page (article_id, slug, revision, published_at, first_published_at, article) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    article.articleId(),
                    article.slug(),
                    article.revision(),
                    Timestamp.from(article.publishedAt()),
                    Timestamp.from(article.publishedAt()),
                    record);
            return Outcome.STORED;
        }
        Instant firstPublishedAt = earlier(current.get().firstPublishedAt(), article.publishedAt());
        if (article.revision() < current.get().revision()) {
            jdbc.update(
                    "update page set first_published_at = ? where article_id = ?",
                    Timestamp.from(firstPublishedAt),
                    article.articleId());
            return Outcome.SUPERSEDED;
        }
        if (!claim(article)) {
            return Outcome.SLUG_TAKEN;
        }
        String previousSlug = current.get().slug();
        if (!previousSlug.equals(article.slug())) {
            jdbc.update("delete from slug_owner where slug = ? and article_id = ?", previousSlug, article.articleId());
        }
        jdbc.update(
                "update page set slug = ?, revision = ?, published_at = ?, first_published_at = ?, article = ? "
                        + "where article_id = ?",
                article.slug(),
                article.revision(),
                Timestamp.from(article.publishedAt()),
                Timestamp.from(firstPublishedAt),
                record,
                article.articleId());
        return Outcome.STORED;
    }

    /**
     * Takes the slug for the article unless another holds it. A concurrent claim of the same slug by another article
     * is decided by the unique key: this insert waits for the other transaction and then finds the slug taken.
     */
    private boolean claim(PublishedArticle article) {
        jdbc.update(
                "insert into slug_owner (slug, article_id) values (?, ?) on conflict do nothing",
                article.slug(),
                article.articleId());
        return slugOwner(article.slug()).filter(article.articleId()::equals).isPresent();
    }

    private Optional<String> slugOwner(String slug) {
        return jdbc.queryForList("select article_id from slug_owner where slug = ?", String.class, slug).stream()
                .findFirst();
    }

    @Override
    public Outcome apply(WithdrawnArticle withdrawal) {
        return transactions.execute(status -> {
            byte[] record = records.encode(withdrawal);
            if (!journal.keep(withdrawal.articleId(), withdrawal.eventId(), record)) {
                return Outcome.DUPLICATE;
            }
            // Only a takedown replaces a retraction; the row is locked by the upsert, so two instances agree.
            int changed = jdbc.update(
                    "insert into withdrawal (article_id, kind, slug, decided_at, record) values (?, ?, ?, ?, ?) "
                            + "on conflict (article_id) do update set kind = excluded.kind, slug = excluded.slug, "
                            + "decided_at = excluded.decided_at, record = excluded.record "
                            + "where withdrawal.kind = 'RETRACTED' and excluded.kind = 'UNPUBLISHED'",
                    withdrawal.articleId(),
                    withdrawal.kind().name(),
                    withdrawal.slug(),
                    Timestamp.from(withdrawal.decidedAt()),
                    record);
            return changed == 1 ? Outcome.STORED : Outcome.WITHDRAWN;
        });
    }

    @Override
    public Outcome apply(ReReviewNotice notice) {
        return transactions.execute(status -> {
            byte[] record = records.encode(notice);
            if (!journal.keep(notice.articleId(), notice.eventId(), record)) {
                return Outcome.DUPLICATE;
            }
            // The later approval wins, then an expiry over a "due" of the same approval, then the later notice.
            int changed = jdbc.update(
                    "insert into review_notice (article_id, kind, last_reviewed_at, noticed_at, record) "
                            + "values (?, ?, ?, ?, ?) on conflict (article_id) do update set kind = excluded.kind, "
                            + "last_reviewed_at = excluded.last_reviewed_at, noticed_at = excluded.noticed_at, "
                            + "record = excluded.record where (excluded.last_reviewed_at, excluded.kind = 'EXPIRED', "
                            + "excluded.noticed_at) > (review_notice.last_reviewed_at, review_notice.kind = 'EXPIRED', "
                            + "review_notice.noticed_at)",
                    notice.articleId(),
                    notice.kind().name(),
                    Timestamp.from(notice.lastReviewedAt()),
                    Timestamp.from(notice.at()),
                    record);
            return changed == 1 ? Outcome.STORED : Outcome.SUPERSEDED;
        });
    }

    @Override
    public Optional<ReReviewNotice> reReview(String articleId) {
        return jdbc
                .queryForList("select record from review_notice where article_id = ?", byte[].class, articleId)
                .stream()
                .findFirst()
                .flatMap(record -> {
                    PageRecords.Read read = records.decode(record);
                    if (read instanceof PageRecords.SealedReReview sealed
                            && sealed.notice().articleId().equals(articleId)) {
                        return Optional.of(sealed.notice());
                    }
                    log.error(
                            "The re-review notice of article {} is not served: {}",
                            articleId,
                            read instanceof PageRecords.Refused refused ? refused.reason() : "it is another record");
                    return Optional.empty();
                });
    }

    @Override
    public Set<String> expiredAmong(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList(
                "select article_id from review_notice where kind = 'EXPIRED' and article_id = any(?)",
                String.class,
                (Object) articleIds.toArray(String[]::new)));
    }

    private Optional<String> withdrawalKind(String articleId) {
        return jdbc.queryForList("select kind from withdrawal where article_id = ?", String.class, articleId).stream()
                .findFirst();
    }

    @Override
    public Optional<Page> findBySlug(String slug) {
        return jdbc
                .query(
                        "select " + PAGE_COLUMNS + " from slug_owner s join page p on p.article_id = s.article_id "
                                + "left join withdrawal w on w.article_id = p.article_id where s.slug = ?",
                        JdbcPageStore::row,
                        slug)
                .stream()
                .findFirst()
                .flatMap(row -> verified(row, slug))
                .map(this::withCorrections);
    }

    @Override
    public Optional<Page> findByArticle(String articleId) {
        return jdbc
                .query(
                        "select " + PAGE_COLUMNS + " from " + PAGES + " where p.article_id = ?",
                        JdbcPageStore::row,
                        articleId)
                .stream()
                .findFirst()
                .flatMap(row -> verified(row, null))
                .map(this::withCorrections);
    }

    /** Rows that fail their check are left out, so the feed may hold fewer than {@code limit}. */
    @Override
    public List<Page> newestFirst(int limit) {
        return newest("w.article_id is null", limit);
    }

    @Override
    public List<Page> newestFirstWithRetracted(int limit) {
        return newest("w.article_id is null or w.kind = 'RETRACTED'", limit);
    }

    private List<Page> newest(String condition, int limit) {
        return jdbc
                .query(
                        "select " + PAGE_COLUMNS + " from " + PAGES + " where " + condition
                                + " order by p.published_at desc, p.article_id limit ?",
                        JdbcPageStore::row,
                        limit)
                .stream()
                .flatMap(row -> verified(row, null).stream())
                .map(this::withCorrections)
                .toList();
    }

    /**
     * The page listing the article's corrections, oldest first: each row read back only while it is the sealed
     * correction of this very article (a row that fails is left out and logged as an error).
     */
    private Page withCorrections(Page page) {
        String articleId = page.article().articleId();
        List<Correction> corrections = jdbc
                .query(
                        "select event_id, record from correction where article_id = ? and revision <= ? "
                                + "order by corrected_at, revision",
                        (row, n) -> verifiedCorrection(articleId, row.getString(1), row.getBytes(2)),
                        articleId,
                        page.article().revision())
                .stream()
                .flatMap(Optional::stream)
                .toList();
        return page.withCorrections(corrections);
    }

    private Optional<Correction> verifiedCorrection(String articleId, String eventId, byte[] record) {
        PageRecords.Read read = records.decode(record);
        String problem;
        if (read instanceof PageRecords.Sealed sealed) {
            PublishedArticle article = sealed.article();
            if (article.articleId().equals(articleId) && article.eventId().equals(eventId)) {
                Optional<Correction> correction = Correction.of(article);
                if (correction.isPresent()) {
                    return correction;
                }
                problem = "it is no correction";
            } else {
                problem = "it holds the signed event " + article.eventId() + " of article " + article.articleId();
            }
        } else {
            problem = read instanceof PageRecords.Refused refused ? refused.reason() : "it is no publication";
        }
        log.error(
                "Article {}: its stored correction {} is not what distribution signed: {}",
                articleId,
                eventId,
                problem);
        return Optional.empty();
    }

    /**
     * Keyset pagination on the {@code page_newest_first} index: the rows after the position in the feed's order
     * ({@code published_at desc, article_id}), so a listing's cost does not grow with its depth.
     */
    @Override
    public List<Page> olderThan(Position position, int limit) {
        Timestamp at = Timestamp.from(position.publishedAt());
        return verifiedRows(
                "select " + PAGE_COLUMNS + " from " + PAGES + " where w.article_id is null "
                        + "and (p.published_at < ? or (p.published_at = ? and p.article_id > ?)) "
                        + "order by p.published_at desc, p.article_id limit ?",
                at,
                at,
                position.articleId(),
                limit);
    }

    /** The nearest rows before the position, read in reverse order and returned newest first. */
    @Override
    public List<Page> newerThan(Position position, int limit) {
        Timestamp at = Timestamp.from(position.publishedAt());
        List<Page> nearestFirst = verifiedRows(
                "select " + PAGE_COLUMNS + " from " + PAGES + " where w.article_id is null "
                        + "and (p.published_at > ? or (p.published_at = ? and p.article_id < ?)) "
                        + "order by p.published_at, p.article_id desc limit ?",
                at,
                at,
                position.articleId(),
                limit);
        List<Page> newestFirst = new java.util.ArrayList<>(nearestFirst);
        java.util.Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from " + PAGES + " where w.article_id is null", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public List<Page> inArticleIdOrder(long offset, int limit) {
        return verifiedRows(
                "select " + PAGE_COLUMNS + " from " + PAGES + " where w.article_id is null or w.kind = 'RETRACTED' "
                        + "order by p.article_id limit ? offset ?",
                limit,
                offset);
    }

    private List<Page> verifiedRows(String sql, Object... arguments) {
        return jdbc.query(sql, JdbcPageStore::row, arguments).stream()
                .flatMap(row -> verified(row, null).stream())
                .toList();
    }

    /** Rows that fail their check are left out (logged as errors), so fewer than {@code limit} may come back. */
    @Override
    public List<WithdrawnArticle> withdrawnNewestFirst(int limit) {
        return jdbc
                .query(
                        "select article_id, record from withdrawal order by decided_at desc, article_id limit ?",
                        (row, n) -> verifiedWithdrawal(row.getString(1), row.getBytes(2)),
                        limit)
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    private static Row row(ResultSet row, int rowNumber) throws SQLException {
        return new Row(row.getString(1), row.getBytes(2), instant(row, 3), row.getBytes(4));
    }

    /** The withdrawal a row holds, or empty (logged as an error) when it is not what distribution signed for it. */
    private Optional<WithdrawnArticle> verifiedWithdrawal(String articleId, byte[] record) {
        PageRecords.Read read = records.decode(record);
        String problem;
        if (read instanceof PageRecords.SealedWithdrawal sealed) {
            if (sealed.withdrawal().articleId().equals(articleId)) {
                return Optional.of(sealed.withdrawal());
            }
            problem = "it holds the signed withdrawal of article "
                    + sealed.withdrawal().articleId();
        } else {
            problem = read instanceof PageRecords.Refused refused ? refused.reason() : "it is no withdrawal";
        }
        log.error("Article {}: its stored withdrawal is not what distribution signed: {}", articleId, problem);
        return Optional.empty();
    }

    /** The page of the row, or empty (logged as an error) when it is not what distribution signed for it. */
    private Optional<Page> verified(Row row, String slug) {
        PageRecords.Read read = records.decode(row.article());
        if (read instanceof PageRecords.Refused unsigned) {
            return refused(row, unsigned.reason());
        }
        if (!(read instanceof PageRecords.Sealed sealed)) {
            return refused(row, "it is no publication");
        }
        PublishedArticle article = sealed.article();
        // Each signed record is genuine; these keep a genuine one from being served in another's place.
        if (!row.articleId().equals(article.articleId())) {
            return refused(row, "it holds the signed publication of article " + article.articleId());
        }
        if (slug != null && !slug.equals(article.slug())) {
            return refused(row, "it is stored under another slug than its signed slug '" + article.slug() + "'");
        }
        if (row.firstPublishedAt().isAfter(article.publishedAt())) {
            return refused(row, "its first publication is later than its signed publication time");
        }
        if (row.withdrawal() == null) {
            return Optional.of(new Page(article, row.firstPublishedAt()));
        }
        // A withdrawal row that fails its check is never taken as none: the page is not served at all.
        return verifiedWithdrawal(row.articleId(), row.withdrawal())
                .map(withdrawal -> new Page(article, row.firstPublishedAt(), withdrawal));
    }

    private static Optional<Page> refused(Row row, String reason) {
        log.error(
                "Not serving article {}: its stored page is not what distribution signed: {}", row.articleId(), reason);
        return Optional.empty();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
