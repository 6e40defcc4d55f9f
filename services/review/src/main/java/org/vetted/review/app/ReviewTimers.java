package org.vetted.review.app;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vetted.review.domain.rereview.ReReviewStatus;

/**
 * Where the re-review timers are kept: one per article, for its latest approval. The service keeps them in
 * PostgreSQL ({@code JdbcReviewTimers}), never in memory, so they survive restarts and every instance shares them;
 * two instances never fire one timer both.
 */
public interface ReviewTimers {

    /** An approval's timer, as scheduled at sign-off (or when the approval is read back). */
    record Timer(
            String articleId,
            int revision,
            String contentHash,
            String slug,
            Instant approvedAt,
            Instant dueAt,
            Instant reviewBy,
            Set<String> libraryKeys) {
        public Timer {
            libraryKeys = Set.copyOf(libraryKeys);
        }
    }

    /**
     * A timer that is to fire now: the approval it is about, what fires, and, for a review made due by a retired
     * library entry, that entry and the retirement's reason.
     */
    record Firing(Timer timer, ReReviewStatus status, String libraryKey, String libraryReason) {}

    /**
     * Keeps the timer of an approval. A timer of a later approval replaces the article's; one of the same approval
     * replaces it only if {@code replaceSame} (the signing reviewer's own review-by date over the default one kept
     * when the approval was read back first); an older approval's changes nothing.
     */
    void schedule(Timer timer, boolean replaceSame);

    /**
     * Claims the timers that are to fire at {@code now} (at most {@code limit}), and hands each to {@code fire} in a
     * transaction that holds the claimed rows (others skip them): the firing is recorded if and only if
     * {@code fire} returns normally. Returns how many fired.
     */
    int fireDue(Instant now, int limit, Consumer<Firing> fire);

    /**
     * Makes the review of every approval resting on the library entry due at {@code at}, with the retirement's
     * reason; returns the articles concerned. A timer whose review already expired is left as it is.
     */
    List<String> dueForLibrary(String libraryKey, String reason, Instant at);

    /** Stops the article's timers (it was withdrawn). */
    void cancel(String articleId);
}
