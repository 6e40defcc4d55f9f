package org.vetted.review.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetted.review.domain.board.Approval;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.rereview.ReReviewSchedule;

/**
 * Re-review: every approval gets a timer ({@link ReviewTimers}) when it is signed off, or when it is read back from
 * the topic (an approval signed off at another instance, or a rebuilt database); the poller fires the timers that are
 * due ({@link #fireDue}): each fires {@code ArticleReviewStatus} on article.review-status, signed by review, and is
 * recorded in the article's journal, where an expiry reopens the approved revision (the board's rules). Retiring a
 * claims library entry makes every approval resting on it due at once ({@link #libraryEntryRetired}).
 */
public class ReReviews {
    private static final Logger log = LoggerFactory.getLogger(ReReviews.class);
    /** Timers fired per transaction; the poller goes on while a batch was full. */
    static final int BATCH = 100;

    private final ReviewStore store;
    private final ReviewTimers timers;
    private final DecisionPublisher publisher;
    private final SignedRecords records;
    private final ReReviewSchedule schedule;
    private final Clock clock;

    public ReReviews(
            ReviewStore store,
            ReviewTimers timers,
            DecisionPublisher publisher,
            SignedRecords records,
            ReReviewSchedule schedule,
            Clock clock) {
        this.store = store;
        this.timers = timers;
        this.publisher = publisher;
        this.records = records;
        this.schedule = schedule;
        this.clock = clock;
    }

    public ReReviewSchedule schedule() {
        return schedule;
    }

    /**
     * Keeps the timer of the approval of {@code review} (approved by {@code approval}).
     *
     * @param reviewBy the signing reviewer's review-by date, checked; empty for the default interval
     * @param atSignOff true at sign-off (its review-by date replaces the default one kept if the approval was read
     *                  back first), false for an approval read back
     */
    public void approved(ArticleReview review, Approval approval, Optional<Instant> reviewBy, boolean atSignOff) {
        ReReviewSchedule.Timer timer = schedule.timerFor(approval.approvedAt(), reviewBy);
        timers.schedule(
                new ReviewTimers.Timer(
                        review.articleId(),
                        approval.revision(),
                        approval.contentHash(),
                        review.draft().slug(),
                        approval.approvedAt(),
                        timer.dueAt(),
                        timer.reviewBy(),
                        libraryKeys(review)),
                atSignOff);
    }

    /** The library entries the counted decisions of the revision were accepted from. */
    static Set<String> libraryKeys(ArticleReview review) {
        Set<String> keys = new TreeSet<>();
        review.claimStates()
                .forEach(state -> state.decisions().forEach(decision -> {
                    if (decision.libraryKey() != null) {
                        keys.add(decision.libraryKey());
                    }
                }));
        return keys;
    }

    /** Fires every timer that is due now, batch after batch; returns how many fired. */
    public int fireDue() {
        int total = 0;
        int fired;
        do {
            fired = timers.fireDue(clock.instant(), BATCH, this::fire);
            total += fired;
        } while (fired >= BATCH);
        return total;
    }

    /**
     * A retired library entry: every approval resting on it is due at once, with the retirement's reason. Returns the
     * articles concerned (none when they were made due for this entry before).
     *
     * @param fireNow fire them now (the retiring request), or leave them to the next poll (a retirement read back)
     */
    public List<String> libraryEntryRetired(String key, String reason, boolean fireNow) {
        List<String> articles = timers.dueForLibrary(key, reason, clock.instant());
        if (!articles.isEmpty()) {
            log.info("Claims library entry {} retired: the review of {} is due", key, articles);
            if (fireNow) {
                fireDue();
            }
        }
        return articles;
    }

    /** The article was withdrawn: its review is never due again. */
    public void withdrawn(String articleId) {
        timers.cancel(articleId);
    }

    private void fire(ReviewTimers.Firing firing) {
        ReviewTimers.Timer timer = firing.timer();
        if (store.withdrawals(timer.articleId()).isWithdrawn()) {
            log.info("Not firing the re-review of article {}: it was withdrawn", timer.articleId());
            return;
        }
        ReReviewNotice notice = ReReviewSchedule.notice(
                firing.status(),
                timer.articleId(),
                timer.revision(),
                timer.contentHash(),
                timer.slug(),
                timer.approvedAt(),
                timer.reviewBy(),
                firing.libraryKey(),
                firing.libraryReason(),
                clock.instant());
        ReviewEvent.ReviewStatusChanged event = new ReviewEvent.ReviewStatusChanged(notice);
        byte[] record = records.signed(event);
        store.publishAndRecord(
                () -> publisher.publish(new DecisionPublisher.Outgoing(
                        DecisionPublisher.Kind.REVIEW_STATUS, timer.articleId(), record)),
                List.of(new ReviewStore.Fact(event, record)),
                List.of());
        log.info(
                "Article {} revision {}: review {} ({})",
                timer.articleId(),
                timer.revision(),
                notice.status(),
                notice.reason());
    }
}
