package org.vetted.distribution.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.domain.ReReviewNotice;

/**
 * The re-review notice on an article page: its medical review is due by a date, or overdue since it; with the
 * reason. Only a notice about the approval the page shows counts (a later approval, reviewed again, clears it).
 */
record ReReviewView(boolean overdue, String reason, String reviewByOn, String reviewByIso) {

    static Optional<ReReviewView> of(PageStore pages, PageStore.Page page, ZoneId zone) {
        return current(pages, page)
                .map(notice -> new ReReviewView(
                        notice.overdue(),
                        notice.reason(),
                        ArticleView.DAY.withZone(zone).format(notice.reviewBy()),
                        notice.reviewBy().toString()));
    }

    /** The notice about the page's approval, if any. */
    static Optional<ReReviewNotice> current(PageStore pages, PageStore.Page page) {
        return pages.reReview(page.article().articleId()).filter(notice -> notice.concerns(page.article()));
    }

    /** Whether the policy takes the page down while its review is overdue (410, as a takedown). */
    static boolean gone(PageStore pages, PageStore.Page page, OverduePolicy policy) {
        return policy == OverduePolicy.UNPUBLISH
                && !page.retracted()
                && current(pages, page).map(ReReviewNotice::overdue).orElse(false);
    }

    /**
     * The pages a listing (feeds, front page, sitemap) shows under the policy: under {@code unpublish} an overdue
     * page is gone from every listing as from its address; {@code noindex} leaves it out of the sitemap only, which
     * asks with {@code sitemap} true. One batch query finds the candidates; each is then checked as the page is.
     */
    static List<PageStore.Page> listed(
            PageStore pages, List<PageStore.Page> listed, OverduePolicy policy, boolean sitemap) {
        boolean dropOverdue = policy == OverduePolicy.UNPUBLISH || (sitemap && policy == OverduePolicy.NOINDEX);
        if (!dropOverdue || listed.isEmpty()) {
            return listed;
        }
        Set<String> expired = pages.expiredAmong(
                listed.stream().map(p -> p.article().articleId()).toList());
        if (expired.isEmpty()) {
            return listed;
        }
        return listed.stream()
                .filter(p -> !expired.contains(p.article().articleId())
                        || (policy == OverduePolicy.UNPUBLISH
                                ? !gone(pages, p, policy)
                                : current(pages, p)
                                        .filter(ReReviewNotice::overdue)
                                        .isEmpty()))
                .toList();
    }

    /** The pages {@link #listed} leaves out of a feed under {@code unpublish}: the Atom feed's tombstones. */
    static List<PageStore.DeletedEntry> goneFrom(
            PageStore pages, List<PageStore.Page> listed, OverduePolicy policy, PublicSite site) {
        if (policy != OverduePolicy.UNPUBLISH || listed.isEmpty()) {
            return List.of();
        }
        Set<String> expired = pages.expiredAmong(
                listed.stream().map(p -> p.article().articleId()).toList());
        return listed.stream()
                .filter(p -> expired.contains(p.article().articleId()) && gone(pages, p, policy))
                .map(p -> new PageStore.DeletedEntry(
                        p.article().articleId(),
                        site.articleUrl(p.article().slug()),
                        current(pages, p).map(ReReviewNotice::reviewBy).orElseThrow()))
                .toList();
    }
}
