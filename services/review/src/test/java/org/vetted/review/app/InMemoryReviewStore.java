package org.vetted.review.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.InMemoryLibraryEntries;
import org.vetted.review.domain.library.LibraryEntry;

/**
 * A {@link ReviewStore} in one instance's memory: one board, one library, and one lock that serialises every step
 * with the facts the consumer applies. For tests; the records are not kept.
 */
public final class InMemoryReviewStore implements ReviewStore {
    private final ReviewBoard board;
    private final ClaimLibrary library;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    public InMemoryReviewStore() {
        this(new ReviewBoard(), new ClaimLibrary(new InMemoryLibraryEntries()), Clock.systemUTC());
    }

    /** @param clock what {@link #now} tells */
    public InMemoryReviewStore(ReviewBoard board, ClaimLibrary library, Clock clock) {
        this.board = board;
        this.library = library;
        this.clock = clock;
    }

    @Override
    public ReviewBoard.Applied apply(ReviewEvent event, byte[] record) {
        return exclusively(event.articleId(), () -> board.apply(event));
    }

    @Override
    public Optional<ArticleReview> find(String articleId) {
        return board.find(articleId);
    }

    @Override
    public org.vetted.review.domain.withdrawal.Withdrawals withdrawals(String articleId) {
        return board.withdrawals(articleId);
    }

    @Override
    public Optional<ArticleHistory> history(String articleId) {
        return board.history(articleId);
    }

    @Override
    public Optional<org.vetted.review.domain.rereview.ReReviewNotice> reopenedBy(String articleId) {
        return board.isReReview(articleId) ? board.reReview(articleId) : Optional.empty();
    }

    @Override
    public List<ArticleReview> awaitingDecision() {
        return board.awaitingDecision();
    }

    /** In memory, as the tests' board is: filtered and sorted as the database selects, then cut at the position. */
    @Override
    public QueuePage queue(QueueQuery query) {
        Comparator<QueuePosition> order = query.order().comparator();
        Comparator<QueuePosition> reading = query.backwards() ? order.reversed() : order;
        Map<QueuePosition, ArticleReview> open = new HashMap<>();
        board.awaitingDecision().stream()
                .filter(review -> query.keeps(ArticleQueueFacts.of(review)))
                .forEach(review -> open.put(ArticleQueueFacts.of(review).position(review), review));
        List<QueuePosition> read = open.keySet().stream()
                .filter(position -> query.from() == null || reading.compare(position, query.from()) > 0)
                .sorted(reading)
                .limit(query.limit() + 1L)
                .toList();
        return QueuePage.of(query, read, page -> page.stream().map(open::get).toList());
    }

    @Override
    public boolean recordLibrary(LibraryEntry entry) {
        return exclusively(entry.key(), () -> {
            if (entry.isRetired()) {
                board.libraryEntryRetired(entry.key(), entry.retired().at());
            }
            return library.record(entry);
        });
    }

    /** Applied after the publish, under the lock: a failed publish changes nothing. */
    @Override
    public void publishAndRecord(Runnable publish, List<Fact> facts, List<LibraryEntry> entries) {
        exclusively("", () -> {
            publish.run();
            facts.forEach(fact -> board.apply(fact.event()));
            entries.forEach(this::recordLibrary);
            return null;
        });
    }

    @Override
    public ClaimLibrary library() {
        return library;
    }

    @Override
    public <T> T exclusively(String articleId, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T exclusivelyLibraryEntries(Collection<String> keys, Supplier<T> work) {
        return exclusively("", work);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
