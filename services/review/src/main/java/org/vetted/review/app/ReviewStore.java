package org.vetted.review.app;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.withdrawal.Withdrawals;

/**
 * Where review keeps its board (every article's revisions and the decisions on them) and the claims library. The
 * rules are the domain's ({@link ReviewBoard}, {@link ClaimLibrary}); a store only keeps the facts and folds them.
 * The service keeps them in PostgreSQL ({@code JdbcReviewStore}), shared by every instance; the tests also have one
 * in memory. Records cross this port as {@link SignedRecords} made them: signed bytes the store keeps and verifies
 * when it reads them back, never read by the rules.
 */
public interface ReviewStore {

    /**
     * Applies a fact read from Kafka, or just published: as {@link ReviewBoard#apply}, and a
     * {@link ReviewBoard.Applied#CONFLICTING} fact is not kept.
     *
     * @param record the event as published (signed), in the contract's encoding: the form a store may keep
     */
    ReviewBoard.Applied apply(ReviewEvent event, byte[] record);

    /** The article's revision under review, seeing every library retirement. */
    Optional<ArticleReview> find(String articleId);

    /** The article's withdrawals with its last approved revision (none when the article is unknown or unreadable). */
    Withdrawals withdrawals(String articleId);

    /** The revision under review with the previous and the last approved one, read together. */
    Optional<ArticleHistory> history(String articleId);

    /** The expiry that reopened the article's revision under review, when it is open again for re-review. */
    default Optional<ReReviewNotice> reopenedBy(String articleId) {
        return Optional.empty();
    }

    /** Articles whose latest revision is open, oldest submission first: all of them (the queue reads {@link #queue}). */
    List<ArticleReview> awaitingDecision();

    /**
     * One page of the open articles, filtered and ordered as asked ({@link ArticleQueueFacts} says by what). A store
     * selects the page where it keeps the articles and reads only that page's: the queue grows, a page does not.
     */
    QueuePage queue(QueueQuery query);

    /**
     * Records a library entry read or written (false when a newer record of its key is known). A retirement also
     * stops the decisions accepted from the entry before it from counting, even if the key is approved again later.
     */
    boolean recordLibrary(LibraryEntry entry);

    ClaimLibrary library();

    /** A fact with the event as published, signed and encoded. */
    record Fact(ReviewEvent event, byte[] record) {}

    /**
     * Publishes and records as one step: the facts and library entries are kept if and only if {@code publish}
     * returns normally. (In PostgreSQL they are written in a transaction that commits after the publish; in memory
     * they are applied after it.) Should the commit itself fail after a publish, the consumer records them when it
     * reads them back.
     */
    void publishAndRecord(Runnable publish, List<Fact> facts, List<LibraryEntry> entries);

    /**
     * Runs a check-publish-record step on one article while no other such step on it runs, in any instance: a
     * decision is checked against the revision it is recorded for.
     */
    <T> T exclusively(String articleId, Supplier<T> work);

    /**
     * The same for library entries (an acceptance, a retirement, a sign-off resting on entries). Taken inside
     * {@link #exclusively} when both are needed, never the other way round.
     */
    <T> T exclusivelyLibraryEntries(Collection<String> keys, Supplier<T> work);

    /**
     * The time of acceptances from the library and of retirements: one clock for every instance, so an acceptance
     * made before a retirement is never stamped after it.
     */
    Instant now();

    /**
     * Locks what a batch (a consumer's poll) will write, for the caller's transaction, in the one order every writer
     * takes it: the library entries' keys first, then the articles' rows by article id. A sign-off takes its entries'
     * keys before its article's row too, so a poll and a sign-off sharing keys and articles wait on each other, never
     * in a cycle. Nothing for a store without transactions.
     */
    default void lockForBatch(Collection<String> libraryKeys, Collection<String> articleIds) {}
}
