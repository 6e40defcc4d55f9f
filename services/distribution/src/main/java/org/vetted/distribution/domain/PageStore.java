package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public pages: a projection of the published articles, in memory. The latest revision of each article wins:
 * a late older revision never replaces a newer one (it may only move the first-publication date earlier), and an
 * event seen before (same event id) changes nothing, so replaying the whole topic at boot is harmless. A later
 * event for the same revision (a republication) replaces it. A slug belongs to the first article stored under
 * it for as long as that article keeps it: a revision of another article with the same slug is not stored (it
 * would make the first article's URL serve the other one), so the other article keeps what it had, if anything.
 * Safe for concurrent readers and writers.
 */
public final class PageStore {
    private static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparing((Page page) -> page.article().publishedAt()).reversed()
            .thenComparing(page -> page.article().articleId());

    private final Map<String, Page> byArticleId = new HashMap<>();
    private final Map<String, String> articleIdBySlug = new HashMap<>();
    private final Set<String> seenEventIds = new HashSet<>();

    /** What applying a published article did. */
    public enum Outcome {
        /** The article is now the page for its article id. */
        STORED,
        /** The event had been applied before. */
        DUPLICATE,
        /** A newer revision of the article is already served. */
        SUPERSEDED,
        /** The slug belongs to another article; nothing was stored. */
        SLUG_TAKEN
    }

    /**
     * A page as served.
     *
     * @param firstPublishedAt when any revision of the article was first published
     */
    public record Page(PublishedArticle article, Instant firstPublishedAt) {
    }

    public synchronized Outcome apply(PublishedArticle article) {
        if (!seenEventIds.add(article.eventId())) {
            return Outcome.DUPLICATE;
        }
        String slugOwner = articleIdBySlug.get(article.slug());
        if (slugOwner != null && !slugOwner.equals(article.articleId())) {
            return Outcome.SLUG_TAKEN;
        }
        Page current = byArticleId.get(article.articleId());
        if (current == null) {
            store(article, article.publishedAt(), null);
            return Outcome.STORED;
        }
        Instant firstPublishedAt = earlier(current.firstPublishedAt(), article.publishedAt());
        if (article.revision() < current.article().revision()) {
            byArticleId.put(article.articleId(), new Page(current.article(), firstPublishedAt));
            return Outcome.SUPERSEDED;
        }
        store(article, firstPublishedAt, current.article().slug());
        return Outcome.STORED;
    }

    public synchronized Optional<Page> findBySlug(String slug) {
        return Optional.ofNullable(articleIdBySlug.get(slug)).map(byArticleId::get);
    }

    /** At most {@code limit} pages, the most recently published first. */
    public synchronized List<Page> newestFirst(int limit) {
        return byArticleId.values().stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    private void store(PublishedArticle article, Instant firstPublishedAt, String previousSlug) {
        byArticleId.put(article.articleId(), new Page(article, firstPublishedAt));
        if (previousSlug != null && !previousSlug.equals(article.slug())
                && article.articleId().equals(articleIdBySlug.get(previousSlug))) {
            articleIdBySlug.remove(previousSlug);
        }
        articleIdBySlug.put(article.slug(), article.articleId());
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
