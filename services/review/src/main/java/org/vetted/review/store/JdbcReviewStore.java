package org.vetted.review.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.review.app.ArticleQueueFacts;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.QueuePage;
import org.vetted.review.app.QueuePosition;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.app.ReviewStore;
import org.vetted.review.app.SignedRecords;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.withdrawal.Withdrawals;
import org.vetted.support.journal.EventJournal;
import org.vetted.support.projection.AdvisoryLocks;

/**
 * {@link ReviewStore} in PostgreSQL, shared by every instance of review: a restart reads only the events written while
 * it was down, and every instance checks decisions against the same board.
 * <p>
 * What is stored: every fact applied, per article in the order applied, as the record arrived (the contract's
 * encoding, signed), in the {@code event_journal} every service keeps through {@link EventJournal}; a read folds the
 * article's facts through a fresh {@link ReviewBoard}, so the database holds facts, not a rendering of them, and a
 * change to the board's rules (carry-over, four eyes) needs no migration. Beside them: {@code review_article}, the
 * queue of open revisions with what it is filtered and sorted by ({@link ArticleQueueFacts}, kept as each fact is
 * applied), so that a page of it is selected here ({@link #queue}); {@code library_entry}, the latest record of each
 * library key ({@link JdbcLibraryEntries}); {@code library_retirement}, each key's latest retirement.
 * <p>
 * Applying is one transaction (joining the caller's: the consumer's one per poll, {@link #lockForBatch} first) that locks the
 * article's row first, so two instances applying facts of one article at once apply them one after the other, in
 * the order they are stored. A decision is checked, published and recorded under the article's advisory lock
 * ({@link AdvisoryLocks}; library entries have locks of their own), so two reviewers deciding on one article at two
 * instances see each other's decisions; what a decision records is written in a transaction that commits after its
 * publish returns ({@link #publishAndRecord}). The consumer does not take the advisory lock (it is held on a connection
 * of its own, which PostgreSQL cannot see waiting), as the board's rules do not depend on the order facts arrive in
 * (a decision for a revision just replaced counts for carry-over).
 * <p>
 * Reads fold every fact of the articles they show: an article has tens of facts, and the queue holds the open ones.
 * A row read back with the bytes of a row verified before is known verified without checking its signature again
 * (a bounded memo compared byte for byte, {@link VerifiedRows}): a page of the queue costs no signature check.
 * <p>
 * <b>Every row read back is verified</b> as an event read from Kafka is ({@link SignedRecords#read}): the signature
 * of its topic's owner with that service's trusted keys (intake's for drafts, review's for decisions, approvals and
 * returns), a draft against its contentHash, and the event's article id against the row's. Whoever holds review's
 * database credential has no signing key, so cannot write the board. A row that fails is logged at ERROR with the
 * article and the reason, and <b>the whole article is unreadable</b>: {@link #find}, {@link #history} and
 * {@link #awaitingDecision} answer as if it were unknown, so no decision or sign-off can be made on it until the row is
 * repaired (from the topics). Folding without the row instead could be less safe than refusing: a dropped rejection
 * or changes-requested would let an older approval carry. {@link #apply} still records a verified fact of such an
 * article, checked against the article's verified rows only, so nothing from Kafka is lost meanwhile. Not detected:
 * a deleted row (a signature cannot show what is missing), and the unsigned queue and retirement tables, which only
 * narrow what is shown or make a claim open again.
 */
public class JdbcReviewStore implements ReviewStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcReviewStore.class);
    /** The first keys of review's advisory locks (intake's articles use 0x1a7a_0001). */
    private static final int ARTICLE_LOCKS = 0x1a7a_0002;

    private static final int LIBRARY_LOCKS = 0x1a7a_0003;
    /** Transaction-scoped locks of a library key's use ({@link #lockKeyShared}). */
    private static final int KEY_USE_LOCKS = 0x1a7a_0004;
    /** Transaction locks on writing library entries, by key hash ({@link #lockEntryWrites}). */
    private static final int ENTRY_WRITE_LOCKS = 0x1a7a_0005;
    /** Articles whose queue facts are filled in at once. */
    private static final int INDEX_BATCH = 200;
    /** The bytes of rows remembered as verified: about 4,000 articles' drafts of 4 KiB. */
    private static final long VERIFIED_BYTES = 16L * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FourEyesRule fourEyes;
    private final ClaimLibrary library;
    private final AdvisoryLocks articleLocks;
    private final AdvisoryLocks libraryLocks;
    private final SignedRecords records;
    private final EventJournal<ReviewEvent> journal;
    /** Rows verified before, by their bytes ({@link VerifiedRows}): a page of the queue costs no signature check. */
    private final VerifiedRows<ReviewEvent> verified = new VerifiedRows<>(VERIFIED_BYTES);

    /**
     * @param maxLockHolders steps holding an article lock at once in this instance (each keeps a connection for its
     *                       lock, and an acceptance from the library a second one): under a third of the pool
     */
    public JdbcReviewStore(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            FourEyesRule fourEyes,
            SignedRecords records,
            int maxLockHolders) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fourEyes = fourEyes;
        this.records = records;
        this.journal = new EventJournal<>(jdbc, this::fact, ReviewEvent::articleId);
        this.library = new ClaimLibrary(new JdbcLibraryEntries(jdbc, records));
        this.articleLocks = new AdvisoryLocks(dataSource, ARTICLE_LOCKS, maxLockHolders);
        this.libraryLocks = new AdvisoryLocks(dataSource, LIBRARY_LOCKS, maxLockHolders);
    }

    @Override
    public ReviewBoard.Applied apply(ReviewEvent event, byte[] record) {
        return transactions.execute(status -> {
            String articleId = event.articleId();
            jdbc.update("insert into review_article (article_id) values (?) on conflict do nothing", articleId);
            List<String> knownKeys = jdbc.queryForObject(
                    "select library_keys from review_article where article_id = ? for update",
                    (row, n) -> textList(row.getArray(1)),
                    articleId);
            List<ReviewEvent> facts = journal.read(articleId).all();
            ReviewBoard board = fold(facts);
            ReviewBoard.Applied applied = board.apply(event);
            if (applied == ReviewBoard.Applied.DUPLICATE || applied == ReviewBoard.Applied.CONFLICTING) {
                return applied;
            }
            if (!journal.keep(articleId, event.eventId(), record)) {
                // Its id is another article's: never a fact of this one (a replayed or forged record).
                log.warn(
                        "{} {} for article {}: its event id is already another article's; ignored",
                        event.getClass().getSimpleName(),
                        event.eventId(),
                        articleId);
                return ReviewBoard.Applied.DUPLICATE;
            }
            Set<String> keys = libraryKeys(facts);
            keys.addAll(libraryKeys(List.of(event)));
            if (!knownKeys.containsAll(keys)) {
                // A key new to the article: a retirement of it in flight has not seen this row use it, so it is
                // waited for (or waits), before the retirements are read below (see recordLibrary).
                keys.stream().filter(key -> !knownKeys.contains(key)).forEach(this::lockKeyShared);
            }
            Optional<ArticleReview> review = board.find(articleId);
            jdbc.update(
                    "update review_article set open = ?, submitted_at = ?, library_keys = ? where article_id = ?",
                    review.map(ArticleReview::isOpen).orElse(false),
                    review.map(known -> Timestamp.from(known.draft().submittedAt()))
                            .orElse(null),
                    texts(List.copyOf(keys)),
                    articleId);
            seeingRetirements(board).find(articleId).ifPresent(this::keepQueueFacts);
            return applied;
        });
    }

    @Override
    public Optional<ArticleReview> find(String articleId) {
        return seeingRetirements(fold(journal.read(articleId).readable())).find(articleId);
    }

    @Override
    public Withdrawals withdrawals(String articleId) {
        return fold(journal.read(articleId).readable()).withdrawals(articleId);
    }

    @Override
    public Optional<ArticleHistory> history(String articleId) {
        return seeingRetirements(fold(journal.read(articleId).readable())).history(articleId);
    }

    @Override
    public Optional<ReReviewNotice> reopenedBy(String articleId) {
        ReviewBoard board = seeingRetirements(fold(journal.read(articleId).readable()));
        return board.isReReview(articleId) ? board.reReview(articleId) : Optional.empty();
    }

    @Override
    public List<ArticleReview> awaitingDecision() {
        return seeingRetirements(
                        fold(journal.readWhere("article_id in (select article_id from review_article where open)")
                                .readable()))
                .awaitingDecision();
    }

    /**
     * Selects the page in the database, on {@code review_article}'s queue facts and indexes, then folds only the
     * page's articles. One more row than the page is read to know whether a next page exists. An article whose
     * rows fail verification is left out of its page (as {@link #find} does not know it), so a page may be shorter.
     */
    @Override
    public QueuePage queue(QueueQuery query) {
        indexUnindexedArticles();
        QueueSql sql = QueueSql.of(query);
        List<QueuePosition> positions = jdbc.query(
                sql.select(),
                (row, n) -> new QueuePosition(
                        row.getBoolean(2), row.getInt(3), row.getTimestamp(4).toInstant(), row.getString(1)),
                sql.arguments());
        return QueuePage.of(query, positions, page -> {
            List<String> ids = page.stream().map(QueuePosition::articleId).toList();
            ReviewBoard board = seeingRetirements(fold(factsOf(ids).readable()));
            return ids.stream().map(board::find).flatMap(Optional::stream).toList();
        });
    }

    /** The queue's facts of an article as it now stands; written after its facts, in their transaction. */
    private void keepQueueFacts(ArticleReview review) {
        keepQueueFacts(review.articleId(), ArticleQueueFacts.of(review), "");
    }

    /** @param condition more of the where clause, or nothing */
    private void keepQueueFacts(String articleId, ArticleQueueFacts facts, String condition) {
        jdbc.update(
                "update review_article set title = ?, title_folded = ?, author_keys = ?, tags = ?, "
                        + "waits_for_second_reviewer = ?, high_risk_open = ?, deciders = ?, queue_indexed = true "
                        + "where article_id = ?" + condition,
                facts.title(),
                facts.searchTitle(),
                texts(facts.authorKeys()),
                texts(facts.tags()),
                facts.waitsForSecondReviewer(),
                facts.highRiskOpen(),
                texts(facts.deciders()),
                articleId);
    }

    private EventJournal.Read<ReviewEvent> factsOf(List<String> articleIds) {
        return journal.readWhere(
                "article_id in (" + String.join(", ", Collections.nCopies(articleIds.size(), "?")) + ")",
                articleIds.toArray());
    }

    /**
     * Fills in the queue facts of open articles that have none yet (written before the facts were kept) or may have
     * changed (a library retirement). The update only takes a row still unindexed: one that an apply indexed
     * meanwhile keeps the newer facts.
     */
    private void indexUnindexedArticles() {
        List<String> unindexed;
        do {
            unindexed = jdbc.queryForList(
                    "select article_id from review_article where open and not queue_indexed "
                            + "order by article_id limit " + INDEX_BATCH,
                    String.class);
            if (unindexed.isEmpty()) {
                return;
            }
            EventJournal.Read<ReviewEvent> read = factsOf(unindexed);
            Map<String, List<ReviewEvent>> byArticle =
                    read.all().stream().collect(Collectors.groupingBy(ReviewEvent::articleId));
            ReviewBoard board = seeingRetirements(fold(read.readable()));
            for (String articleId : unindexed) {
                Optional<ArticleReview> review = board.find(articleId);
                ArticleQueueFacts facts = review.map(ArticleQueueFacts::of)
                        .orElse(new ArticleQueueFacts(null, List.of(), List.of(), false, 0, List.of()));
                // Rows written before the keys were kept get them here; keys only grow, so a union loses none.
                jdbc.update(
                        "update review_article set library_keys = array(select distinct unnest(library_keys || ?) "
                                + "order by 1) where article_id = ? and not queue_indexed",
                        texts(List.copyOf(libraryKeys(byArticle.getOrDefault(articleId, List.of())))),
                        articleId);
                // An unreadable article is marked indexed with no facts: it is left out of its page anyway.
                keepQueueFacts(articleId, facts, " and not queue_indexed");
            }
        } while (unindexed.size() == INDEX_BATCH);
    }

    private String[] texts(List<String> texts) {
        return texts.toArray(String[]::new);
    }

    @Override
    public boolean recordLibrary(LibraryEntry entry) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            // Already held by a poll or a sign-off that joins this transaction; taken here when it stands alone.
            lockEntryWrites(List.of(entry.key()));
            if (entry.isRetired()) {
                // A retirement reopens claims accepted from the entry: the queue facts of the open articles whose
                // decisions used it are read again, and of no other. Flagged before the key's lock (rows held by a
                // consumer's batch are waited for without holding the lock the batch may need), and again under it
                // (an article that took the key meanwhile has committed by then, see apply).
                flagArticlesUsing(entry.key());
                lockKeyExclusive(entry.key());
                flagArticlesUsing(entry.key());
                jdbc.update(
                        "insert into library_retirement (library_key, retired_at) values (?, ?) "
                                + "on conflict (library_key) do update set retired_at = "
                                + "greatest(library_retirement.retired_at, excluded.retired_at)",
                        entry.key(),
                        Timestamp.from(entry.retired().at()));
            }
            return library.record(entry);
        }));
    }

    /**
     * Marks the open articles whose decisions used the library key as not indexed, taking their rows in article id
     * order (as a consumer's batch takes its articles' rows), so two such statements never wait on each other in a
     * cycle.
     */
    private void flagArticlesUsing(String key) {
        jdbc.update(
                "update review_article set queue_indexed = false where article_id in (select article_id from "
                        + "review_article where open and queue_indexed and library_keys @> array[?]::text[] "
                        + "order by article_id for update)",
                key);
    }

    /**
     * The transaction-scoped lock of one library key's use: shared by applies that add the key to an article,
     * exclusive for a retirement of it. Held by a database transaction (never by a connection waiting on another),
     * so a cycle through it is one PostgreSQL sees and breaks. The key's hash only names the lock: two keys sharing
     * one wait for each other, nothing more.
     */
    private void lockKeyShared(String key) {
        jdbc.query("select pg_advisory_xact_lock_shared(?, hashtext(?))", row -> {}, KEY_USE_LOCKS, key);
    }

    private void lockKeyExclusive(String key) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", row -> {}, KEY_USE_LOCKS, key);
    }

    /** Every library key named by the decisions among the facts, sorted. */
    private static Set<String> libraryKeys(List<ReviewEvent> facts) {
        Set<String> keys = new TreeSet<>();
        for (ReviewEvent fact : facts) {
            if (fact instanceof ReviewEvent.ClaimDecided decided
                    && decided.decision().libraryKey() != null) {
                keys.add(decided.decision().libraryKey());
            }
        }
        return keys;
    }

    private static List<String> textList(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * The library keys' write locks, then the articles' rows in article id order ({@link #lockArticles}): a poll
     * takes everything it will write before it writes any, in the order every other writer takes it.
     */
    @Override
    public void lockForBatch(Collection<String> libraryKeys, Collection<String> articleIds) {
        lockEntryWrites(libraryKeys);
        lockArticles(articleIds);
    }

    /**
     * Locks the rows of the articles, in article id order, for the caller's transaction. Rows not there yet are not
     * created (the ids may come from records not verified yet).
     */
    private void lockArticles(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return;
        }
        jdbc.query(
                connection -> {
                    var select = connection.prepareStatement("select article_id from review_article where "
                            + "article_id = any(?) order by article_id for update");
                    select.setArray(1, connection.createArrayOf("text", new TreeSet<>(articleIds).toArray()));
                    return select;
                },
                row -> {});
    }

    /**
     * Takes the write locks of library entries' keys for the caller's transaction, all in one statement, in the
     * order of their lock ids: a writer of entries takes them before any article's row, and before it writes the
     * first entry. Rows are no help here: an entry new to the library has no row to lock until it is inserted, and
     * two writers inserting new keys in different orders would wait on each other's inserts. Two keys sharing a
     * hash share one lock: they wait for each other, nothing more. Re-entrant within a transaction.
     */
    private void lockEntryWrites(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // The subquery's order is kept (PostgreSQL does not pull up a subquery with ORDER BY), so the locks are taken
        // in lock id order.
        jdbc.query(
                connection -> {
                    var select = connection.prepareStatement("select pg_advisory_xact_lock(?, h) from (select "
                            + "distinct hashtext(k) as h from unnest(?::text[]) as k order by h) as ordered");
                    select.setInt(1, ENTRY_WRITE_LOCKS);
                    select.setArray(2, connection.createArrayOf("text", new TreeSet<>(keys).toArray()));
                    return select;
                },
                row -> {});
    }

    /**
     * One transaction: the facts and entries are written, then published, then committed. The entries' keys are
     * locked first, before the facts take their article's row, as a consumer's poll takes them
     * ({@link #lockForBatch}): a sign-off and a poll sharing entries never hold one the other waits for.
     */
    @Override
    public void publishAndRecord(Runnable publish, List<Fact> facts, List<LibraryEntry> entries) {
        transactions.executeWithoutResult(status -> {
            lockEntryWrites(entries.stream().map(LibraryEntry::key).toList());
            facts.forEach(fact -> apply(fact.event(), fact.record()));
            entries.stream().sorted(Comparator.comparing(LibraryEntry::key)).forEach(this::recordLibrary);
            publish.run();
        });
    }

    @Override
    public ClaimLibrary library() {
        return library;
    }

    @Override
    public <T> T exclusively(String articleId, Supplier<T> work) {
        return articleLocks.exclusively(articleId, work);
    }

    @Override
    public <T> T exclusivelyLibraryEntries(Collection<String> keys, Supplier<T> work) {
        return keys.isEmpty() ? work.get() : libraryLocks.exclusively(keys, work);
    }

    /** PostgreSQL's clock, to the millisecond (as the events carry it): the same for every instance. */
    @Override
    public Instant now() {
        return jdbc.queryForObject("select clock_timestamp()", Timestamp.class)
                .toInstant()
                .truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The journal's reader: a kept row verified as a record read from Kafka ({@link SignedRecords#read}), or thrown
     * out saying why (bytes that no longer decode, a draft that does not hash, a seal that does not hold).
     */
    private ReviewEvent fact(byte[] record) {
        return verified.read(record, bytes -> {
            Incoming read = records.read(bytes);
            if (read instanceof Incoming.Fact fact) {
                return fact.event();
            }
            throw new IllegalStateException(
                    read instanceof Incoming.Unsigned unsigned ? unsigned.reason() : "it is a claims library entry");
        });
    }

    private ReviewBoard fold(List<ReviewEvent> facts) {
        ReviewBoard board = new ReviewBoard(
                ReviewBoard.DEFAULT_MAX_WAITING,
                dropped -> log.warn(
                        "{} facts wait for their drafts: left out the oldest, {} {} for article {} revision {}",
                        ReviewBoard.DEFAULT_MAX_WAITING,
                        dropped.getClass().getSimpleName(),
                        dropped.eventId(),
                        dropped.articleId(),
                        dropped.revision()),
                fourEyes);
        facts.forEach(board::apply);
        return board;
    }

    private ReviewBoard seeingRetirements(ReviewBoard board) {
        jdbc.query("select library_key, retired_at from library_retirement", row -> {
            board.libraryEntryRetired(row.getString(1), row.getTimestamp(2).toInstant());
        });
        return board;
    }
}
