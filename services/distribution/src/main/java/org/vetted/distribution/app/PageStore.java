package org.vetted.distribution.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vetted.distribution.domain.PublishedArticle;

/**
 * The public pages: a projection of the published articles. The latest revision of each article wins: a late older
 * revision never replaces a newer one (it may only move the first-publication date earlier), and an event seen
 * before (same event id) changes nothing, so reading the topic again is harmless. A later event for the same revision
 * (a republication) replaces it. A slug belongs to the first article stored under it for as long as that article
 * keeps it: a revision of another article with the same slug is not stored (it would make the first article's URL
 * serve the other one), so the other article keeps what it had, if anything.
 * <p>
 * A port of the app layer: the service keeps its pages in PostgreSQL ({@code JdbcPageStore}), shared by its
 * instances; the tests state the same rules in plain Java ({@code InMemoryPageStore}) and hold both to them.
 */
public interface PageStore {

    /** What applying a published article did. */
    enum Outcome {
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
    record Page(PublishedArticle article, Instant firstPublishedAt) {}

    Outcome apply(PublishedArticle article);

    Optional<Page> findBySlug(String slug);

    /** At most {@code limit} pages, the most recently published first (then by article id). */
    List<Page> newestFirst(int limit);
}
