package org.vetted.review.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.vetted.review.domain.ArticleHistory;
import org.vetted.review.domain.ArticleReview;
import org.vetted.review.domain.ClaimDecisionRequest;
import org.vetted.review.domain.ClaimOutcome;
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
 */
public class ReviewWorkflow {
    private final ReviewBoard board;
    private final ReviewDesk desk;
    private final DecisionPublisher publisher;
    private final EventMapper mapper;
    private final Clock clock;
    private final Supplier<String> eventIds;
    private final ReentrantLock lock = new ReentrantLock();

    public ReviewWorkflow(ReviewBoard board, ReviewDesk desk, DecisionPublisher publisher, EventMapper mapper,
            Clock clock, Supplier<String> eventIds) {
        this.board = board;
        this.desk = desk;
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
        this.eventIds = eventIds;
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
            ClaimOutcome outcome = desk.decideClaim(review, request, eventIds.get(), clock.instant());
            if (outcome instanceof ClaimOutcome.Decided decided) {
                publisher.publish(DecisionPublisher.CLAIM_REVIEWED, articleId, mapper.toEvent(decided.event()));
                board.apply(decided.event());
            }
            return outcome;
        } finally {
            lock.unlock();
        }
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
                publisher.publish(DecisionPublisher.ARTICLE_APPROVED, articleId,
                        mapper.toEvent(approved.event(), approved.draft()));
                board.apply(approved.event());
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
