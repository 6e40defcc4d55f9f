package org.vetted.intake.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleHistory;
import org.vetted.intake.domain.articles.ArticleListing;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.articles.KnownArticles;

/**
 * Intake's view of every article (ids, latest revision, authors, slugs, status and history), projected from the
 * article events, and the bookkeeping that hands out slugs and revision numbers to new submissions.
 * <ul>
 * <li>Applying an event twice (same eventId) changes nothing, so intake can record its own submission at once and meet
 * it again on the topic later. An article's events are folded in the order they were applied by
 * {@link ArticleHistory}, whose rules are the view's.</li>
 * <li>A slug is taken by the first draft of an article, or reserved for a new article while its DraftSubmitted is
 * being published; reserving is atomic, so two submissions never get the same slug.</li>
 * <li>A revision number is claimed before its DraftSubmitted is published: a number claimed once is never claimed
 * again, and {@link #find} counts claimed numbers as known, so the next submission numbers past them even when the
 * claimed revision's event has not been applied yet.</li>
 * <li>{@link #exclusively} runs one submission of an article at a time, so revisions are published in the order of
 * their numbers.</li>
 * </ul>
 * The service keeps its view in PostgreSQL, shared by its instances ({@code JdbcArticleRegistry}); the tests state
 * these rules in plain Java too ({@code InMemoryArticleRegistry}) and hold both to them.
 */
public interface ArticleRegistry extends KnownArticles {

    /**
     * @param record the event's record as it arrived from its topic, or as intake signed its own draft: the form a
     *               store keeps (and verifies with {@link ArticleRecords} when it reads it back)
     * @return false when this event was applied before
     */
    boolean apply(ArticleEvent event, byte[] record);

    Optional<ArticleView> view(String articleId);

    /** Every article, in the order its first event was applied. */
    List<ArticleView> all();

    /**
     * One page of the articles {@code reader} may read ({@link ArticleView#visibleTo}), in {@link ArticleListing}'s
     * order and with its cursor: the "My articles" page and GET /api/articles ask the store for a page, not for
     * every article.
     *
     * @param limit 1 to {@link ArticleListing#MAX_LIMIT}
     * @param after null for the first page
     */
    ArticleListing.Page page(Account reader, int limit, ArticleListing.Cursor after);

    /** Takes {@code revision} of the article for a submission about to publish it: false if it was taken before. */
    boolean claimRevision(String articleId, int revision);

    /** Gives back a claimed revision that was never published, so the number is handed out again. */
    void releaseRevision(String articleId, int revision);

    /**
     * Keeps a slug reserved for good: its article's DraftSubmitted may have been published (the send timed out), so
     * the slug must not lapse to another article; if the draft arrives, the article takes it as usual.
     */
    void holdSlug(String slug);

    /** Runs {@code work} while no other submission of the article runs, in this instance or another. */
    <T> T exclusively(String articleId, Supplier<T> work);

    /**
     * True when {@code failure}, thrown by this registry, means its store was out of reach (down, no connection free):
     * nothing was changed and the caller may try again in a moment. The port names no store's exceptions, so the
     * store that throws them says which they are.
     */
    default boolean isUnavailable(RuntimeException failure) {
        return false;
    }
}
