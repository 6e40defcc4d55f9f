package org.vetted.distribution.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The front page: the published articles newest first, {@code size} to a page, walked by position (keyset) rather
 * than by page number: "older" lists what comes after the last article shown, "newer" what comes before the first.
 * Each listing reads at most {@code size + 1} pages whatever its depth (the one more tells whether more exist that
 * way), and every page read verifies its signature again, so any depth costs the same and the whole history is
 * reachable.
 */
public final class LatestArticles {
    /** The most articles one listing may show: each is verified again when read. */
    public static final int MAX_SIZE = 100;

    private final PageStore pages;
    private final int size;

    public LatestArticles(PageStore pages, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a page lists 1 to " + MAX_SIZE + " articles, not " + size);
        }
        this.pages = pages;
        this.size = size;
    }

    /**
     * One page of the listing.
     *
     * @param older where the next older listing starts (after the last article shown), or null when none is older
     * @param newer where the next newer listing ends (before the first article shown), or null on the first page
     */
    public record Listing(List<PageStore.Page> articles, PageStore.Position older, PageStore.Position newer) {
        public Listing {
            articles = List.copyOf(articles);
        }

        public boolean first() {
            return newer == null;
        }
    }

    /** The newest articles. */
    public Listing first() {
        List<PageStore.Page> newest = pages.newestFirst(size + 1);
        return olderPage(newest, false);
    }

    /** The articles just older than {@code position}. */
    public Listing olderThan(PageStore.Position position) {
        return olderPage(pages.olderThan(position, size + 1), true);
    }

    /**
     * The articles just newer than {@code position}; the first page when fewer than a page's worth are newer (so the
     * newest listing always looks the same).
     */
    public Listing newerThan(PageStore.Position position) {
        List<PageStore.Page> newer = pages.newerThan(position, size + 1);
        if (newer.size() <= size) {
            return first();
        }
        List<PageStore.Page> shown = new ArrayList<>(newer.subList(1, newer.size()));
        return new Listing(shown, PageStore.Position.of(last(shown)), PageStore.Position.of(shown.get(0)));
    }

    private Listing olderPage(List<PageStore.Page> read, boolean hasNewer) {
        List<PageStore.Page> shown = read.size() > size ? read.subList(0, size) : read;
        if (shown.isEmpty()) {
            return new Listing(List.of(), null, null);
        }
        return new Listing(
                shown,
                read.size() > size ? PageStore.Position.of(last(shown)) : null,
                hasNewer ? PageStore.Position.of(shown.get(0)) : null);
    }

    private static PageStore.Page last(List<PageStore.Page> pages) {
        return pages.get(pages.size() - 1);
    }
}
