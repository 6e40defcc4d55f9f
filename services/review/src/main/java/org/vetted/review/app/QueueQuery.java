package org.vetted.review.app;

import java.util.Locale;
import org.vetted.review.domain.draft.ClaimText;
import org.vetted.review.domain.draft.ReviewerText;

/**
 * One page of the review queue to read: its order, its filters (each null or false when not asked) and where it
 * starts. {@code author}: a username or display name of a credited author, {@code tag} a tag (both whole, case
 * aside); {@code needsSecondReviewer}: a high-risk claim approved once waits for another reviewer;
 * {@code decidedBy}: a username with a decision that counts on one of its claims; {@code titleContains}: words in
 * the title, kept in {@link ClaimText#folded}'s form as the titles searched are ({@link ArticleQueueFacts#searchTitle}),
 * so invisible characters, case, accents and compatibility forms (full-width letters) do not decide a match. {@code from}: the page starts after it (or, {@code backwards}, ends before it); null for
 * the first page.
 */
public record QueueQuery(
        QueueOrder order,
        String author,
        String tag,
        boolean needsSecondReviewer,
        String decidedBy,
        String titleContains,
        QueuePosition from,
        boolean backwards,
        int limit) {

    public QueueQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one article");
        }
        if (from == null && backwards) {
            throw new IllegalArgumentException("a page before nothing");
        }
        author = folded(author);
        tag = folded(tag);
        decidedBy = folded(decidedBy);
        titleContains = titleContains == null ? null : ClaimText.folded(titleContains);
        if (titleContains != null && titleContains.isEmpty()) {
            titleContains = null;
        }
    }

    /** The first page of everything open, oldest first. */
    public static QueueQuery firstPage(int limit) {
        return new QueueQuery(QueueOrder.OLDEST, null, null, false, null, null, null, false, limit);
    }

    /** Whether the article is one the filters keep. */
    public boolean keeps(ArticleQueueFacts facts) {
        return (author == null || facts.authorKeys().contains(author))
                && (tag == null || facts.tags().contains(tag))
                && (!needsSecondReviewer || facts.waitsForSecondReviewer())
                && (decidedBy == null || facts.deciders().contains(decidedBy))
                && (titleContains == null || facts.searchTitle().contains(titleContains));
    }

    /** Blank (invisible characters aside) is no filter; a filter is compared case aside. */
    private static String folded(String text) {
        String visible = ReviewerText.normal(text);
        return visible == null || visible.isEmpty() ? null : visible.toLowerCase(Locale.ROOT);
    }
}
