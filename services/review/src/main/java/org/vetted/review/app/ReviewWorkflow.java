package org.vetted.review.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.gate.ReviewDesk;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.withdrawal.WithdrawalKind;
import org.vetted.review.domain.withdrawal.Withdrawals;

/**
 * Decide, publish, then apply: a decision is checked against the board, published to Kafka and only then applied
 * to the board (so a failed publish changes nothing). The same event comes back from Kafka later and is ignored as
 * a duplicate. Each step holds the article's lock in the store ({@link ReviewStore#exclusively}), so two reviewers
 * deciding on one article, at one instance or two, are checked one after the other.
 * <p>
 * The claims library is kept here too: an approval publishes its claims' library entries in the same Kafka
 * transaction as the approval, a claim can be accepted from the library in one action, and a retired entry reopens
 * the claims accepted from it in revisions not yet approved.
 */
public class ReviewWorkflow {
    private final ReviewStore store;
    private final ReviewDesk desk;
    private final DecisionPublisher publisher;
    private final SignedRecords records;
    private final Clock clock;
    private final Supplier<String> eventIds;
    private final ClaimLibrary library;
    private final Duration libraryValidity;
    private ReReviews reReviews;

    public ReviewWorkflow(
            ReviewStore store,
            ReviewDesk desk,
            DecisionPublisher publisher,
            SignedRecords records,
            Clock clock,
            Supplier<String> eventIds) {
        this(store, desk, publisher, records, clock, eventIds, Duration.ofDays(365));
    }

    /** @param libraryValidity how long a library entry is offered after the approval it rests on */
    public ReviewWorkflow(
            ReviewStore store,
            ReviewDesk desk,
            DecisionPublisher publisher,
            SignedRecords records,
            Clock clock,
            Supplier<String> eventIds,
            Duration libraryValidity) {
        this.store = store;
        this.desk = desk;
        this.publisher = publisher;
        this.records = records;
        this.clock = clock;
        this.eventIds = eventIds;
        this.library = store.library();
        this.libraryValidity = libraryValidity;
    }

    /** Re-review timers for every approval from now on (the service sets them; some tests run without). */
    public ReviewWorkflow withReReviews(ReReviews reReviews) {
        this.reReviews = reReviews;
        return this;
    }

    public Optional<ReReviews> reReviews() {
        return Optional.ofNullable(reReviews);
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
        boolean latest = store.recordLibrary(entry);
        if (reReviews != null && entry.isRetired()) {
            // Every instance reads the retirement back: the approvals resting on the entry are made due even if the
            // retiring instance stopped before it moved their timers. Idempotent per entry; the poller fires them.
            reReviews.libraryEntryRetired(entry.key(), entry.retired().reason(), false);
        }
        return latest;
    }

    /** Locks the library keys and articles of records about to be applied together (one batch), in the store's order. */
    public void lockForBatch(Collection<String> libraryKeys, Collection<String> articleIds) {
        store.lockForBatch(libraryKeys, articleIds);
    }

    public Optional<ArticleReview> find(String articleId) {
        return store.find(articleId);
    }

    /** The revision under review with the previous and the last approved one, read together. */
    public Optional<ArticleHistory> history(String articleId) {
        return store.history(articleId);
    }

    /** The expiry that reopened the article for re-review, if that is why it is open. */
    public Optional<org.vetted.review.domain.rereview.ReReviewNotice> reopenedBy(String articleId) {
        return store.reopenedBy(articleId);
    }

    /** One page of the review queue. */
    public QueuePage queue(QueueQuery query) {
        return store.queue(query);
    }

    /** Applies a fact read from Kafka; {@code record} is the event as read, encoded. */
    public ReviewBoard.Applied record(ReviewEvent event, byte[] record) {
        ReviewBoard.Applied applied = store.apply(event, record);
        if (reReviews != null
                && applied == ReviewBoard.Applied.APPLIED
                && event instanceof ReviewEvent.RevisionApproved approved) {
            // An approval signed off elsewhere (or read again into a rebuilt database) gets its default timer; the
            // signing instance's own review-by date replaces it.
            store.find(event.articleId())
                    .filter(review -> approved.approval().equals(review.approval()))
                    .ifPresent(review -> reReviews.approved(review, approved.approval(), Optional.empty(), false));
        }
        return applied;
    }

    /**
     * The outcome carries everything an answer needs (the claim and the decision), taken under the lock: reading
     * the board again afterwards could already show another revision.
     *
     * @throws UnknownArticleException when no revision of the article is under review
     * @throws PublishFailedException  when the decision could not be published (the board is unchanged)
     */
    public ClaimOutcome decideClaim(String articleId, ClaimDecisionRequest request) {
        return store.exclusively(articleId, () -> decide(current(articleId), request, clock.instant()));
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
        return store.exclusively(articleId, () -> {
            ArticleReview review = current(articleId);
            Optional<Claim> claim = review.draft().claim(claimId);
            if (claim.isEmpty()) {
                // No such claim: the ordinary rules refuse (unknown claim, or whatever they check first).
                return decide(
                        review,
                        new ClaimDecisionRequest(actor, claimId, ClaimVerdict.APPROVED, null, null, revision),
                        clock.instant());
            }
            // The entry's lock too: a retirement at another instance either comes first (no match) or waits. The
            // acceptance is stamped by the store's clock, as retirements are, so it is never stamped after one that
            // followed it.
            String key = ClaimLibrary.keyOf(claim.get().text());
            return store.exclusivelyLibraryEntries(List.of(key), () -> {
                Instant now = store.now();
                LibraryEntry entry =
                        library.exactMatch(claim.get(), now).orElseThrow(() -> new NoLibraryMatchException(claimId));
                return decide(
                        review,
                        new ClaimDecisionRequest(
                                actor,
                                claimId,
                                ClaimVerdict.APPROVED,
                                "accepted from the claims library (" + entry.key() + ")",
                                entry.references().isEmpty()
                                        ? null
                                        : entry.references().get(0),
                                revision,
                                entry.key()),
                        now);
            });
        });
    }

    /**
     * Withdraws a library entry: it is offered no more, and claims accepted from it are open again in every revision
     * not yet approved. Retiring a retired entry changes nothing and answers it as it is.
     *
     * @throws UnknownLibraryEntryException when no entry has the key
     * @throws PublishFailedException       when the retirement could not be published (nothing changed)
     */
    public LibraryEntry retire(String key, Actor actor, String reason) {
        return store.exclusivelyLibraryEntries(List.of(key), () -> {
            LibraryEntry entry = library.find(key).orElseThrow(() -> new UnknownLibraryEntryException(key));
            if (entry.isRetired()) {
                return entry;
            }
            // Never before the record it retires: the later record of a key is the entry.
            Instant at = latest(store.now(), entry.madeAt().plusMillis(1));
            LibraryEntry retired =
                    entry.retiredBy(eventIds.get(), new LibraryEntry.Retirement(actor.asReviewer(), at, reason));
            byte[] record = records.signed(retired);
            store.publishAndRecord(
                    () -> publisher.publish(
                            new DecisionPublisher.Outgoing(DecisionPublisher.Kind.CLAIMS_LIBRARY, key, record)),
                    List.of(),
                    List.of(retired));
            if (reReviews != null) {
                reReviews.libraryEntryRetired(key, retired.retired().reason(), true);
            }
            return retired;
        });
    }

    /** The article's withdrawals and its last approved revision, as the reviewer's page shows them. */
    public Withdrawals withdrawals(String articleId) {
        return store.withdrawals(articleId);
    }

    /**
     * Retracts or takes down an approved article ({@link Withdrawals#decide} holds the rules): a new decision is
     * published on article.withdrawn and recorded in the article's journal, under the article's lock, so two such
     * requests are decided one after the other. A repeat of the decision answers it as it stands, publishing nothing.
     *
     * @throws UnknownArticleException when review knows no revision of the article
     * @throws PublishFailedException  when the decision could not be published (nothing changed)
     */
    public Withdrawals.Outcome withdraw(String articleId, Actor actor, WithdrawalKind kind, String reason) {
        return store.exclusively(articleId, () -> {
            if (store.find(articleId).isEmpty()) {
                throw new UnknownArticleException(articleId);
            }
            Withdrawals.Outcome outcome =
                    store.withdrawals(articleId).decide(actor, kind, reason, eventIds.get(), clock.instant());
            if (outcome instanceof Withdrawals.Decided decided) {
                ReviewEvent.ArticleWithdrawn event = new ReviewEvent.ArticleWithdrawn(decided.withdrawal());
                byte[] record = records.signed(event);
                store.publishAndRecord(
                        () -> publisher.publish(new DecisionPublisher.Outgoing(
                                DecisionPublisher.Kind.ARTICLE_WITHDRAWN, articleId, record)),
                        List.of(new ReviewStore.Fact(event, record)),
                        List.of());
                if (reReviews != null) {
                    reReviews.withdrawn(articleId);
                }
            }
            return outcome;
        });
    }

    private ArticleReview current(String articleId) {
        return store.find(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private ClaimOutcome decide(ArticleReview review, ClaimDecisionRequest request, Instant at) {
        ClaimOutcome outcome = desk.decideClaim(review, request, eventIds.get(), at);
        if (outcome instanceof ClaimOutcome.Decided decided) {
            byte[] event = records.signed(decided.event());
            store.publishAndRecord(
                    () -> publisher.publish(new DecisionPublisher.Outgoing(
                            DecisionPublisher.Kind.CLAIM_REVIEWED, review.articleId(), event)),
                    List.of(new ReviewStore.Fact(decided.event(), event)),
                    List.of());
        }
        return outcome;
    }

    /**
     * @throws UnknownArticleException when no revision of the article is under review
     * @throws PublishFailedException  when the sign-off could not be published (the board is unchanged)
     */
    public SignOffOutcome signOff(String articleId, SignOffRequest request) {
        return signOff(articleId, request, Optional.empty());
    }

    /**
     * @param reviewBy the review-by date the signing reviewer gave ({@link ReReviews#schedule()} checked it), or
     *                 empty for the default
     */
    public SignOffOutcome signOff(String articleId, SignOffRequest request, Optional<Instant> reviewBy) {
        return store.exclusively(
                articleId,
                () -> store.exclusivelyLibraryEntries(
                        libraryKeys(current(articleId)), () -> signOff(current(articleId), request, reviewBy)));
    }

    /**
     * The library entries the counted decisions were accepted from: locked through the sign-off, so a retirement
     * comes before it (and reopens their claims) or after it (and an approved revision keeps what it was approved
     * on). The review is read again under those locks; a retirement in between only removes keys.
     */
    private static Set<String> libraryKeys(ArticleReview review) {
        Set<String> keys = new TreeSet<>();
        review.claimStates()
                .forEach(state -> state.decisions().forEach(decision -> {
                    if (decision.libraryKey() != null) {
                        keys.add(decision.libraryKey());
                    }
                }));
        return keys;
    }

    private SignOffOutcome signOff(ArticleReview review, SignOffRequest request, Optional<Instant> reviewBy) {
        String articleId = review.articleId();
        SignOffOutcome outcome = desk.signOff(review, request, eventIds.get(), clock.instant());
        if (outcome instanceof SignOffOutcome.Approved approved) {
            // The approval and the library entries of its claims commit together, or neither does.
            List<LibraryEntry> entries = ClaimLibrary.entriesOf(review, libraryValidity, eventIds);
            List<DecisionPublisher.Outgoing> events = new ArrayList<>();
            byte[] approval = records.signed(approved.event(), approved.draft());
            events.add(new DecisionPublisher.Outgoing(DecisionPublisher.Kind.ARTICLE_APPROVED, articleId, approval));
            entries.forEach(entry -> events.add(new DecisionPublisher.Outgoing(
                    DecisionPublisher.Kind.CLAIMS_LIBRARY, entry.key(), records.signed(entry))));
            store.publishAndRecord(
                    () -> publisher.publishTogether(events),
                    List.of(new ReviewStore.Fact(approved.event(), approval)),
                    entries);
            if (reReviews != null) {
                reReviews.approved(review, approved.event().approval(), reviewBy, true);
            }
        } else if (outcome instanceof SignOffOutcome.Returned returned) {
            byte[] event = records.signed(returned.event());
            store.publishAndRecord(
                    () -> publisher.publish(
                            new DecisionPublisher.Outgoing(DecisionPublisher.Kind.REVIEW_RETURNED, articleId, event)),
                    List.of(new ReviewStore.Fact(returned.event(), event)),
                    List.of());
        }
        return outcome;
    }
}
