package org.vetted.review.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.vetted.review.domain.Actor;
import org.vetted.review.domain.ArticleHistory;
import org.vetted.review.domain.ArticleReview;
import org.vetted.review.domain.Claim;
import org.vetted.review.domain.ClaimDecisionRequest;
import org.vetted.review.domain.ClaimLibrary;
import org.vetted.review.domain.ClaimOutcome;
import org.vetted.review.domain.ClaimVerdict;
import org.vetted.review.domain.LibraryEntry;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewDesk;
import org.vetted.review.domain.ReviewEvent;
import org.vetted.review.domain.SignOffOutcome;
import org.vetted.review.domain.SignOffRequest;

/**
 * Decide, publish, then apply: a decision is checked against the board, published to Kafka and only then applied
 * to the board (so a failed publish changes nothing). The same event comes back from Kafka later and is ignored as
 * a duplicate. One lock serialises decisions with the events the consumer applies, so a decision is never checked
 * against one revision and applied after another has arrived.
 * <p>
 * The claims library is kept here too: an approval publishes its claims' library entries in the same Kafka
 * transaction as the approval, a claim can be accepted from the library in one action, and a retired entry reopens
 * the claims accepted from it in revisions not yet approved.
 */
public class ReviewWorkflow {
    private final ReviewBoard board;
    private final ReviewDesk desk;
    private final DecisionPublisher publisher;
    private final EventMapper mapper;
    private final Clock clock;
    private final Supplier<String> eventIds;
    private final ClaimLibrary library;
    private final Duration libraryValidity;
    private final ReentrantLock lock = new ReentrantLock();

    public ReviewWorkflow(ReviewBoard board, ReviewDesk desk, DecisionPublisher publisher, EventMapper mapper,
            Clock clock, Supplier<String> eventIds) {
        this(board, desk, publisher, mapper, clock, eventIds, new ClaimLibrary(), Duration.ofDays(365));
    }

    /** @param libraryValidity how long a library entry is offered after the approval it rests on */
    public ReviewWorkflow(ReviewBoard board, ReviewDesk desk, DecisionPublisher publisher, EventMapper mapper,
            Clock clock, Supplier<String> eventIds, ClaimLibrary library, Duration libraryValidity) {
        this.board = board;
        this.desk = desk;
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
        this.eventIds = eventIds;
        this.library = library;
        this.libraryValidity = libraryValidity;
    }

    public Instant now() {
        return clock.instant();
    }

    /** What the library offers for the open, undecided claims of the revision. */
    public Map<String, ClaimLibrary.Offer> offersFor(ArticleReview review) {
        return library.offersFor(review, clock.instant());
    }

    public List<LibraryEntry> searchLibrary(String query) {
        return library.search(query);
    }

    /** Applies a library record read from Kafka: the later record of a key wins; a retirement reopens claims. */
    public boolean recordLibrary(LibraryEntry entry) {
        lock.lock();
        try {
            if (entry.isRetired()) {
                board.libraryEntryRetired(entry.key(), entry.retired().at());
            }
            return library.record(entry);
        } finally {
            lock.unlock();
        }
    }

    public Optional<ArticleReview> find(String articleId) {
        return board.find(articleId);
    }

    /** The revision under review with the previous and the last approved one, read together. */
    public Optional<ArticleHistory> history(String articleId) {
        return board.history(articleId);
    }

    public List<ArticleReview> awaitingDecision() {
        return board.awaitingDecision();
    }

    /** Applies a fact read from Kafka. */
    public ReviewBoard.Applied record(ReviewEvent event) {
        lock.lock();
        try {
            return board.apply(event);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The outcome carries everything an answer needs (the claim and the decision), taken under the lock: reading
     * the board again afterwards could already show another revision.
     *
     * @throws UnknownArticleException when no revision of the article is under review
     * @throws PublishFailedException  when the decision could not be published (the board is unchanged)
     */
    public ClaimOutcome decideClaim(String articleId, ClaimDecisionRequest request) {
        lock.lock();
        try {
            ArticleReview review = board.find(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
            return decide(review, request);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Accepts the claim as the library approved its exact text: an ordinary approval by {@code actor} with the
     * entry's reference, under the same rules as any decision (an author may not; the revision must be the current
     * one), and for a high-risk claim one of the two approvals it needs.
     *
     * @throws UnknownArticleException when no revision of the article is under review
     * @throws NoLibraryMatchException  when the library offers no current entry for the claim's exact text
     * @throws PublishFailedException   when the decision could not be published (the board is unchanged)
     */
    public ClaimOutcome acceptFromLibrary(String articleId, String claimId, int revision, Actor actor) {
        lock.lock();
        try {
            ArticleReview review = board.find(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
            Optional<Claim> claim = review.draft().claim(claimId);
            if (claim.isEmpty()) {
                // No such claim: the ordinary rules refuse (unknown claim, or whatever they check first).
                return decide(review, new ClaimDecisionRequest(actor, claimId, ClaimVerdict.APPROVED, null, null,
                        revision));
            }
            LibraryEntry entry = library.exactMatch(claim.get().text(), clock.instant())
                    .orElseThrow(() -> new NoLibraryMatchException(claimId));
            return decide(review, new ClaimDecisionRequest(actor, claimId, ClaimVerdict.APPROVED,
                    "accepted from the claims library (" + entry.key() + ")",
                    entry.references().isEmpty() ? null : entry.references().get(0), revision, entry.key()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Withdraws a library entry: it is offered no more, and claims accepted from it are open again in every revision
     * not yet approved. Retiring a retired entry changes nothing and answers it as it is.
     *
     * @throws UnknownLibraryEntryException when no entry has the key
     * @throws PublishFailedException       when the retirement could not be published (nothing changed)
     */
    public LibraryEntry retire(String key, Actor actor, String reason) {
        lock.lock();
        try {
            LibraryEntry entry = library.find(key).orElseThrow(() -> new UnknownLibraryEntryException(key));
            if (entry.isRetired()) {
                return entry;
            }
            LibraryEntry retired = entry.retiredBy(eventIds.get(),
                    new LibraryEntry.Retirement(actor.asReviewer(), clock.instant(), reason));
            publisher.publish(DecisionPublisher.CLAIMS_LIBRARY, key, mapper.toEvent(retired));
            library.record(retired);
            board.libraryEntryRetired(key, retired.retired().at());
            return retired;
        } finally {
            lock.unlock();
        }
    }

    private ClaimOutcome decide(ArticleReview review, ClaimDecisionRequest request) {
        ClaimOutcome outcome = desk.decideClaim(review, request, eventIds.get(), clock.instant());
        if (outcome instanceof ClaimOutcome.Decided decided) {
            publisher.publish(DecisionPublisher.CLAIM_REVIEWED, review.articleId(), mapper.toEvent(decided.event()));
            board.apply(decided.event());
        }
        return outcome;
    }

    /**
     * @throws UnknownArticleException when no revision of the article is under review
     * @throws PublishFailedException  when the sign-off could not be published (the board is unchanged)
     */
    public SignOffOutcome signOff(String articleId, SignOffRequest request) {
        lock.lock();
        try {
            ArticleReview review = board.find(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
            SignOffOutcome outcome = desk.signOff(review, request, eventIds.get(), clock.instant());
            if (outcome instanceof SignOffOutcome.Approved approved) {
                // The approval and the library entries of its claims commit together, or neither does.
                List<LibraryEntry> entries = ClaimLibrary.entriesOf(review, libraryValidity, eventIds);
                List<DecisionPublisher.Outgoing> events = new ArrayList<>();
                events.add(new DecisionPublisher.Outgoing(DecisionPublisher.ARTICLE_APPROVED, articleId,
                        mapper.toEvent(approved.event(), approved.draft())));
                entries.forEach(entry -> events.add(new DecisionPublisher.Outgoing(DecisionPublisher.CLAIMS_LIBRARY,
                        entry.key(), mapper.toEvent(entry))));
                publisher.publishTogether(events);
                board.apply(approved.event());
                entries.forEach(library::record);
            } else if (outcome instanceof SignOffOutcome.Returned returned) {
                publisher.publish(DecisionPublisher.REVIEW_RETURNED, articleId, mapper.toEvent(returned.event()));
                board.apply(returned.event());
            }
            return outcome;
        } finally {
            lock.unlock();
        }
    }
}
