package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vetted.review.domain.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.ReviewEvent.DraftArrived;
import org.vetted.review.domain.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.ReviewEvent.RevisionReturned;

/**
 * Every article's latest revision and the decisions on it, built by applying {@link ReviewEvent}s.
 * <ul>
 * <li>A newer revision replaces the one under review; its decisions do not carry over.</li>
 * <li>A draft for a revision older than (or equal to) the known one is ignored.</li>
 * <li>Each event is applied once: a repeated event id changes nothing.</li>
 * <li>Events are read from several topics, whose order relative to each other Kafka does not keep: a decision
 * for a revision not seen yet waits until its draft arrives, and is dropped if a newer revision arrives first.</li>
 * </ul>
 * Thread-safe: the web and the Kafka consumer share one board.
 */
public final class ReviewBoard {

    /** What applying an event did. */
    public enum Applied {
        /** The board changed. */
        APPLIED,
        /** The event id was seen before. */
        DUPLICATE,
        /** About an older revision, or does not fit the current one: ignored. */
        IGNORED,
        /** About a revision not seen yet: kept until its draft arrives. */
        PENDING
    }

    private final Map<String, ArticleReview> articles = new HashMap<>();
    private final Map<String, List<ReviewEvent>> waiting = new HashMap<>();
    private final Set<String> seenEventIds = new HashSet<>();

    public synchronized Applied apply(ReviewEvent event) {
        if (!seenEventIds.add(event.eventId())) {
            return Applied.DUPLICATE;
        }
        return applyNew(event);
    }

    public synchronized Optional<ArticleReview> find(String articleId) {
        return Optional.ofNullable(articles.get(articleId));
    }

    /** Articles whose latest revision is open, oldest submission first. */
    public synchronized List<ArticleReview> awaitingDecision() {
        return articles.values().stream()
                .filter(ArticleReview::isOpen)
                .sorted(Comparator.comparing((ArticleReview review) -> review.draft().submittedAt())
                        .thenComparing(ArticleReview::articleId))
                .toList();
    }

    private Applied applyNew(ReviewEvent event) {
        if (event instanceof DraftArrived arrived) {
            return openRevision(arrived.draft());
        }
        ArticleReview current = articles.get(event.articleId());
        if (current == null || event.revision() > current.revision()) {
            waiting.computeIfAbsent(event.articleId(), id -> new ArrayList<>()).add(event);
            return Applied.PENDING;
        }
        if (event.revision() < current.revision()) {
            return Applied.IGNORED;
        }
        ArticleReview next = decide(current, event);
        if (next == null) {
            return Applied.IGNORED;
        }
        articles.put(event.articleId(), next);
        return Applied.APPLIED;
    }

    private Applied openRevision(Draft draft) {
        ArticleReview current = articles.get(draft.articleId());
        if (current != null && draft.revision() <= current.revision()) {
            return Applied.IGNORED;
        }
        ArticleReview review = ArticleReview.opened(draft);
        List<ReviewEvent> held = waiting.remove(draft.articleId());
        if (held != null) {
            List<ReviewEvent> later = new ArrayList<>();
            for (ReviewEvent event : held) {
                if (event.revision() == draft.revision()) {
                    ArticleReview next = decide(review, event);
                    review = next == null ? review : next;
                } else if (event.revision() > draft.revision()) {
                    later.add(event);
                }
            }
            if (!later.isEmpty()) {
                waiting.put(draft.articleId(), later);
            }
        }
        articles.put(draft.articleId(), review);
        return Applied.APPLIED;
    }

    /**
     * The review after {@code event}, or null when the event does not fit this revision. A claim decision is kept
     * even when the revision is already closed: replayed topics interleave, so a decision may be read after the
     * sign-off it preceded. The rules stop new decisions on a closed revision before they are published.
     */
    private static ArticleReview decide(ArticleReview review, ReviewEvent event) {
        if (event instanceof ClaimDecided decided) {
            return fits(review, decided.contentHash()) && review.draft().claim(decided.decision().claimId()).isPresent()
                    ? review.withDecision(decided.decision()) : null;
        }
        if (event instanceof RevisionApproved approved) {
            return review.isOpen() && fits(review, approved.approval().contentHash())
                    ? review.approved(approved.approval()) : null;
        }
        if (event instanceof RevisionReturned returned) {
            return review.isOpen() && fits(review, returned.contentHash()) ? review.returned(returned.outcome()) : null;
        }
        return null;
    }

    private static boolean fits(ArticleReview review, String contentHash) {
        return review.draft().contentHash().equals(contentHash);
    }
}
