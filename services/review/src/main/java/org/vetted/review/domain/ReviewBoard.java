package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.vetted.review.domain.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.ReviewEvent.DraftArrived;
import org.vetted.review.domain.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.ReviewEvent.RevisionReturned;

/**
 * Every article's latest revision and the decisions on it, built by applying {@link ReviewEvent}s.
 * <ul>
 * <li>A newer revision replaces the one under review; its decisions do not carry over. The replaced revision's
 * draft is kept as the previous one, and, if it was approved, as the last approved one, so the reviewer can see
 * what changed ({@link #history}).</li>
 * <li>A draft for an older revision is ignored, and so is a second copy of the known revision with the same
 * text; one with the same revision number but other text is {@link Applied#CONFLICTING}: two texts cannot both be
 * revision n, and the board will not pick one silently.</li>
 * <li>Each event is applied once: a repeated event id changes nothing.</li>
 * <li>Events are read from several topics, whose order relative to each other Kafka does not keep: a decision
 * for a revision not seen yet waits until its draft arrives, and is dropped if a newer revision arrives first.
 * At most {@code maxWaiting} events wait in all; beyond that the oldest is dropped and handed to the
 * {@code dropped} callback (the edge logs it).</li>
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
        PENDING,
        /** A draft of the known revision with other text: not applied, and not remembered as seen. */
        CONFLICTING
    }

    /** How many events may wait for their draft, across all articles, unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_WAITING = 10_000;

    private final Map<String, ArticleReview> articles = new HashMap<>();
    /** Per article: the draft the current revision replaced, and the latest earlier revision that was approved. */
    private final Map<String, Draft> previous = new HashMap<>();
    private final Map<String, Draft> lastApproved = new HashMap<>();
    /** Waiting events by article, and the same events by event id in arrival order (oldest first). */
    private final Map<String, List<ReviewEvent>> waiting = new HashMap<>();
    private final LinkedHashMap<String, ReviewEvent> waitingInArrivalOrder = new LinkedHashMap<>();
    private final Set<String> seenEventIds = new HashSet<>();
    private final int maxWaiting;
    private final Consumer<ReviewEvent> dropped;

    public ReviewBoard() {
        this(DEFAULT_MAX_WAITING, event -> { });
    }

    /** @param dropped told of each waiting event dropped because {@code maxWaiting} events were already waiting */
    public ReviewBoard(int maxWaiting, Consumer<ReviewEvent> dropped) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1");
        }
        this.maxWaiting = maxWaiting;
        this.dropped = dropped;
    }

    public synchronized Applied apply(ReviewEvent event) {
        if (!seenEventIds.add(event.eventId())) {
            return Applied.DUPLICATE;
        }
        Applied applied = applyNew(event);
        if (applied == Applied.CONFLICTING) {
            seenEventIds.remove(event.eventId());
        }
        return applied;
    }

    /** How many events wait for their draft. */
    public synchronized int waitingCount() {
        return waitingInArrivalOrder.size();
    }

    public synchronized Optional<ArticleReview> find(String articleId) {
        return Optional.ofNullable(articles.get(articleId));
    }

    /** The article's current revision with the earlier ones it is compared with, as one consistent read. */
    public synchronized Optional<ArticleHistory> history(String articleId) {
        return find(articleId).map(review -> new ArticleHistory(review, previous.get(articleId),
                lastApproved.get(articleId)));
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
            hold(event);
            return Applied.PENDING;
        }
        if (event.revision() < current.revision()) {
            return approvedTheReplaced(event) ? Applied.APPLIED : Applied.IGNORED;
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
        if (current != null && draft.revision() == current.revision()
                && !draft.contentHash().equals(current.draft().contentHash())) {
            return Applied.CONFLICTING;
        }
        if (current != null && draft.revision() <= current.revision()) {
            return Applied.IGNORED;
        }
        if (current != null) {
            previous.put(draft.articleId(), current.draft());
            if (current.status() == ReviewStatus.APPROVED) {
                lastApproved.put(draft.articleId(), current.draft());
            }
        }
        ArticleReview review = ArticleReview.opened(draft);
        List<ReviewEvent> held = waiting.remove(draft.articleId());
        if (held != null) {
            List<ReviewEvent> later = new ArrayList<>();
            for (ReviewEvent event : held) {
                if (event.revision() <= draft.revision()) {
                    waitingInArrivalOrder.remove(event.eventId());
                }
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
     * An approval read after the revision it approved was replaced (topics interleave on replay, so the next draft
     * may come first): it no longer changes the review, but if it approved exactly the previous revision's text,
     * that revision is the last approved one, unless a later one already is. Older revisions are not kept, so an
     * approval of one of those is ignored.
     */
    private boolean approvedTheReplaced(ReviewEvent event) {
        Draft replaced = previous.get(event.articleId());
        if (!(event instanceof RevisionApproved approved) || replaced == null
                || replaced.revision() != event.revision()
                || !replaced.contentHash().equals(approved.approval().contentHash())) {
            return false;
        }
        Draft known = lastApproved.get(event.articleId());
        if (known != null && known.revision() >= replaced.revision()) {
            return false;
        }
        lastApproved.put(event.articleId(), replaced);
        return true;
    }

    private void hold(ReviewEvent event) {
        if (waitingInArrivalOrder.size() >= maxWaiting) {
            Iterator<ReviewEvent> oldest = waitingInArrivalOrder.values().iterator();
            ReviewEvent drop = oldest.next();
            oldest.remove();
            List<ReviewEvent> ofArticle = waiting.get(drop.articleId());
            ofArticle.removeIf(held -> held == drop);
            if (ofArticle.isEmpty()) {
                waiting.remove(drop.articleId());
            }
            dropped.accept(drop);
        }
        waiting.computeIfAbsent(event.articleId(), id -> new ArrayList<>()).add(event);
        waitingInArrivalOrder.put(event.eventId(), event);
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
