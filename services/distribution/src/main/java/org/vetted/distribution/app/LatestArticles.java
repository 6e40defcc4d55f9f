package org.vetted.distribution.app;

import java.util.List;

/**
 * The front page: the published articles newest first, {@code size} to a page, through the same query the feed
 * uses. Page n reads the newest n * size + 1 pages (the one more tells whether older ones exist), so reading is
 * bounded at {@link #MAX_PAGES} pages back; every page read verifies its signature again, so an unbounded depth
 * would let one request make the site verify the whole history.
 */
public final class LatestArticles {
    /** How far back the front page goes; older articles stay at their URLs and in what downstream sites keep. */
    public static final int MAX_PAGES = 10;

    private final PageStore pages;
    private final int size;

    public LatestArticles(PageStore pages, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page lists at least one article, not " + size);
        }
        this.pages = pages;
        this.size = size;
    }

    /**
     * One page of the listing.
     *
     * @param number 1 for the newest
     * @param older  whether a next page exists (false on the last page that may be asked for)
     */
    public record Listing(int number, List<PageStore.Page> articles, boolean older) {
        public Listing {
            articles = List.copyOf(articles);
        }

        public boolean newer() {
            return number > 1;
        }
    }

    /** Page {@code number}, or empty articles when it lies beyond the history or beyond {@link #MAX_PAGES}. */
    public Listing page(int number) {
        if (number < 1 || number > MAX_PAGES) {
            return new Listing(number, List.of(), false);
        }
        List<PageStore.Page> newest = pages.newestFirst(number * size + 1);
        int from = Math.min((number - 1) * size, newest.size());
        int to = Math.min(number * size, newest.size());
        return new Listing(number, newest.subList(from, to), newest.size() > to && number < MAX_PAGES);
    }
}
