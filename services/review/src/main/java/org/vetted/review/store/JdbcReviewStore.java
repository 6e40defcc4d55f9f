package org.vetted.review.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.review.domain.ArticleHistory;
import org.vetted.review.domain.ArticleReview;
import org.vetted.review.domain.ClaimLibrary;
import org.vetted.review.domain.FourEyesRule;
import org.vetted.review.domain.LibraryEntry;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewEvent;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.Incoming;
import org.vetted.review.messaging.ReviewStore;
import org.vetted.support.projection.AdvisoryLocks;

/**
 * {@link ReviewStore} in PostgreSQL, shared by every instance of review: a restart reads only the events written while
 * it was down, and every instance checks decisions against the same board.
 * <p>
 * What is stored: every fact applied, per article in the order applied ({@code review_event}, the event as the
 * contract encodes it, signed); a read folds the article's facts through a fresh {@link ReviewBoard}, so the database
 * holds facts, not a rendering of them, and a change to the board's rules (carry-over, four eyes) needs no
 * migration. Beside them: {@code review_article}, the queue of open revisions; {@code library_entry}, the latest
 * record of each library key ({@link JdbcLibraryEntries}); {@code library_retirement}, each key's latest retirement.
 * <p>
 * Applying is one transaction (joining the caller's: {@code SharedProjection} opens one per record) that locks the
 * article's row first, so two instances applying facts of one article at once apply them one after the other, in
 * the order they are stored. A decision is checked, published and recorded under the article's advisory lock
 * ({@link AdvisoryLocks}; library entries have locks of their own), so two reviewers deciding on one article at two
 * instances see each other's decisions; what a decision records is written in a transaction that commits after its
 * publish returns ({@link #publishAndRecord}). The consumer does not take the advisory lock, as the board's rules do
 * not depend on the order facts arrive in (a decision for a revision just replaced counts for carry-over).
 * <p>
 * Reads fold every fact of the articles they show: an article has tens of facts, and the queue holds the open ones.
 */
public class JdbcReviewStore implements ReviewStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcReviewStore.class);
    /** The first keys of review's advisory locks (intake's articles use 0x1a7a_0001). */
    private static final int ARTICLE_LOCKS = 0x1a7a_0002;
    private static final int LIBRARY_LOCKS = 0x1a7a_0003;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FourEyesRule fourEyes;
    private final ClaimLibrary library;
    private final AdvisoryLocks articleLocks;
    private final AdvisoryLocks libraryLocks;
    private final EventCatalog catalog = EventCatalog.standard();

    /**
     * @param maxLockHolders steps holding an article lock at once in this instance (each keeps a connection for its
     *                       lock, and an acceptance from the library a second one): under a third of the pool
     */
    public JdbcReviewStore(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions,
            FourEyesRule fourEyes, EventMapper mapper, int maxLockHolders) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fourEyes = fourEyes;
        this.library = new ClaimLibrary(new JdbcLibraryEntries(jdbc, mapper));
        this.articleLocks = new AdvisoryLocks(dataSource, ARTICLE_LOCKS, maxLockHolders);
        this.libraryLocks = new AdvisoryLocks(dataSource, LIBRARY_LOCKS, maxLockHolders);
    }

    @Override
    public ReviewBoard.Applied apply(ReviewEvent event, SpecificRecordBase record) {
        return transactions.execute(status -> {
            String articleId = event.articleId();
            jdbc.update("insert into review_article (article_id) values (?) on conflict do nothing", articleId);
            jdbc.queryForObject("select article_id from review_article where article_id = ? for update",
                    String.class, articleId);
            ReviewBoard board = fold(facts("where article_id = ?", articleId));
            ReviewBoard.Applied applied = board.apply(event);
            if (applied == ReviewBoard.Applied.DUPLICATE || applied == ReviewBoard.Applied.CONFLICTING) {
                return applied;
            }
            if (jdbc.update("insert into review_event (article_id, event_id, event) values (?, ?, ?) "
                    + "on conflict (event_id) do nothing", articleId, event.eventId(), catalog.encode(record)) == 0) {
                // Its id is another article's: never a fact of this one (a replayed or forged record).
                log.warn("{} {} for article {}: its event id is already another article's; ignored",
                        event.getClass().getSimpleName(), event.eventId(), articleId);
                return ReviewBoard.Applied.DUPLICATE;
            }
            Optional<ArticleReview> review = board.find(articleId);
            jdbc.update("update review_article set open = ?, submitted_at = ? where article_id = ?",
                    review.map(ArticleReview::isOpen).orElse(false),
                    review.map(known -> Timestamp.from(known.draft().submittedAt())).orElse(null), articleId);
            return applied;
        });
    }

    @Override
    public Optional<ArticleReview> find(String articleId) {
        return seeingRetirements(fold(facts("where article_id = ?", articleId))).find(articleId);
    }

    @Override
    public Optional<ArticleHistory> history(String articleId) {
        return seeingRetirements(fold(facts("where article_id = ?", articleId))).history(articleId);
    }

    @Override
    public List<ArticleReview> awaitingDecision() {
        return seeingRetirements(fold(facts("where article_id in (select article_id from review_article where open)")))
                .awaitingDecision();
    }

    @Override
    public boolean recordLibrary(LibraryEntry entry) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (entry.isRetired()) {
                jdbc.update("insert into library_retirement (library_key, retired_at) values (?, ?) "
                        + "on conflict (library_key) do update set retired_at = "
                        + "greatest(library_retirement.retired_at, excluded.retired_at)", entry.key(),
                        Timestamp.from(entry.retired().at()));
            }
            return library.record(entry);
        }));
    }

    /** One transaction: the facts and entries are written, then published, then committed. */
    @Override
    public void publishAndRecord(Runnable publish, List<Fact> facts, List<LibraryEntry> entries) {
        transactions.executeWithoutResult(status -> {
            facts.forEach(fact -> apply(fact.event(), fact.record()));
            entries.forEach(this::recordLibrary);
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
        return jdbc.queryForObject("select clock_timestamp()", Timestamp.class).toInstant()
                .truncatedTo(ChronoUnit.MILLIS);
    }

    /** The stored facts of the articles the condition selects, each article's in the order applied. */
    private List<ReviewEvent> facts(String where, Object... arguments) {
        List<ReviewEvent> facts = new ArrayList<>();
        jdbc.query("select event from review_event " + where + " order by article_id, seq", row -> {
            facts.add(((Incoming.Fact) EventMapper.verified(catalog.decode(row.getBytes(1)))).event());
        }, arguments);
        return facts;
    }

    private ReviewBoard fold(List<ReviewEvent> facts) {
        ReviewBoard board = new ReviewBoard(ReviewBoard.DEFAULT_MAX_WAITING, dropped -> log.warn(
                "{} facts wait for their drafts: left out the oldest, {} {} for article {} revision {}",
                ReviewBoard.DEFAULT_MAX_WAITING, dropped.getClass().getSimpleName(), dropped.eventId(),
                dropped.articleId(), dropped.revision()), fourEyes);
        facts.forEach(board::apply);
        return board;
    }

    private ReviewBoard seeingRetirements(ReviewBoard board) {
        jdbc.query("select library_key, retired_at from library_retirement",
                row -> {
                    board.libraryEntryRetired(row.getString(1), row.getTimestamp(2).toInstant());
                });
        return board;
    }
}
