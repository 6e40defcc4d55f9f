package org.vetted.distribution.web;

import java.time.ZoneId;
import java.util.Optional;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.OverduePolicy;
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
}
