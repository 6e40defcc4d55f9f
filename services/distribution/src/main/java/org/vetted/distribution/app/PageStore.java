package org.vetted.distribution.app;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vetted.distribution.domain.Correction;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.WithdrawalKind;
import org.vetted.distribution.domain.WithdrawnArticle;

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
        SLUG_TAKEN,
        /**
         * The article was withdrawn: a publication is not stored (withdrawn is final for an article id), a withdrawal
         * that goes no further than the one recorded changes nothing.
         */
        WITHDRAWN
    }

    /**
     * A page as served.
     *
     * @param firstPublishedAt when any revision of the article was first published
     * @param corrections      the article's corrections, oldest first, each as its signed record holds it; listed by
     *                         {@link #findBySlug}, {@link #findByArticle} and the feeds' listings
     *                         ({@link #newestFirst}, {@link #newestFirstWithRetracted}), empty elsewhere
     */
    record Page(
            PublishedArticle article,
            Instant firstPublishedAt,
            WithdrawnArticle withdrawal,
            List<Correction> corrections) {
        public Page {
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
        }

        /** A page of an article not withdrawn. */
        public Page(PublishedArticle article, Instant firstPublishedAt) {
            this(article, firstPublishedAt, null);
        }

        /** A page without its corrections listed (listings that show none). */
        public Page(PublishedArticle article, Instant firstPublishedAt, WithdrawnArticle withdrawal) {
            this(article, firstPublishedAt, withdrawal, List.of());
        }

        /** This page listing {@code corrections}. */
        public Page withCorrections(List<Correction> corrections) {
            return new Page(article, firstPublishedAt, withdrawal, corrections);
        }

        /** The latest correction, if any: what a feed item says was corrected. */
        public Optional<Correction> latestCorrection() {
            return corrections.isEmpty() ? Optional.empty() : Optional.of(corrections.get(corrections.size() - 1));
        }

        /** Served with the retraction notice, the reason and the date, marked retracted. */
        public boolean retracted() {
            return withdrawal != null && withdrawal.kind() == WithdrawalKind.RETRACTED;
        }

        /** Taken down: answered 410 Gone, nothing of it served. */
        public boolean unpublished() {
            return withdrawal != null && withdrawal.kind() == WithdrawalKind.UNPUBLISHED;
        }
    }

    /**
     * Applies a publication. A correction ({@link PublishedArticle#isCorrection}) stored, or superseded by a later
     * revision already served, is also listed among the article's corrections.
     */
    Outcome apply(PublishedArticle article);

    /**
     * Applies a withdrawal read from the public topic: the article leaves the lists, and its page is served retracted
     * or answers 410. A takedown replaces a retraction; nothing replaces a takedown. Kept even when no revision of the
     * article was published (one was on its way), so that none is served later.
     */
    Outcome apply(WithdrawnArticle withdrawal);

    /**
     * Applies a re-review notice read from the public topic: the article's latest notice of its latest approval is
     * kept (an expiry over a "due" of the same approval). The page shows it while it concerns the approval served.
     */
    default Outcome apply(ReReviewNotice notice) {
        throw new UnsupportedOperationException("re-review notices are kept in PostgreSQL");
    }

    /** The article's latest re-review notice, if any (whether it still concerns the page: {@code concerns}). */
    default Optional<ReReviewNotice> reReview(String articleId) {
        return Optional.empty();
    }

    /** Of these articles, those whose latest notice is an expiry (their page may have been reviewed again since). */
    default Set<String> expiredAmong(Collection<String> articleIds) {
        return Set.of();
    }

    /** The page under this slug, with its withdrawal if any. */
    Optional<Page> findBySlug(String slug);

    /** The article's page, with its withdrawal if any. */
    Optional<Page> findByArticle(String articleId);

    /** At most {@code limit} pages not withdrawn, the most recently published first (then by article id). */
    List<Page> newestFirst(int limit);

    /**
     * Where a page stands in the newest-first order: its publication time and article id. The front page's cursor;
     * any value is a valid position, whether or not a page stands there.
     */
    record Position(Instant publishedAt, String articleId) {
        public static Position of(Page page) {
            return new Position(page.article().publishedAt(), page.article().articleId());
        }
    }

    /** At most {@code limit} pages that come after {@code position} in the newest-first order, in that order. */
    List<Page> olderThan(Position position, int limit);

    /**
     * The {@code limit} pages that come just before {@code position} in the newest-first order (the nearest ones),
     * newest first.
     */
    List<Page> newerThan(Position position, int limit);

    /** How many pages are served (rows that fail their check when read are counted here). */
    long count();

    /** At most {@code limit} pages in article id order, skipping the first {@code offset}: the sitemap's pages. */
    List<Page> inArticleIdOrder(long offset, int limit);

    /**
     * An entry a feed once listed that is gone: retracted or unpublished.
     *
     * @param articleId the article (a feed's entry id is made from it)
     * @param url       where the page was served
     * @param when      when it went
     */
    record DeletedEntry(String articleId, String url, Instant when) {}

    /**
     * The latest entries gone from the site, newest first, at most {@code limit}: what feeds announce as deleted
     * (RFC 6721 tombstones), every retracted and taken-down article at the time of its withdrawal.
     */
    default List<DeletedEntry> deletedEntries(int limit) {
        return withdrawnNewestFirst(limit).stream()
                .map(withdrawn -> new DeletedEntry(withdrawn.articleId(), withdrawn.url(), withdrawn.decidedAt()))
                .toList();
    }

    /**
     * As {@link #newestFirst}, with the retracted pages in their places (the feed shows them with the notice, so a
     * reader who saw the article learns of the retraction); taken-down ones are left out.
     */
    List<Page> newestFirstWithRetracted(int limit);

    /** At most {@code limit} withdrawals, the most recently decided first (then by article id), e.g. for tombstones. */
    List<WithdrawnArticle> withdrawnNewestFirst(int limit);
}
