package org.vetted.distribution.app;

import java.util.Optional;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.domain.ReReview;
import org.vetted.distribution.domain.ReReviewNotice;

/**
 * Review's re-review notice (its signature verified) made public: {@code ArticleReviewDue} or
 * {@code ArticleReviewExpired}, under the slug the article is served by. A withdrawn article has no review to renew,
 * and one held under embargo must not be named in public before its time (a long embargo can outlast the notice
 * period): nothing is published for either. Review reopens the article all the same.
 */
public final class AnnounceReReview {
    private final WithdrawalGate withdrawals;
    private final Embargoes embargoes;
    private final PageStore pages;
    private final PublicSite site;
    private final OverduePolicy policy;

    public AnnounceReReview(
            WithdrawalGate withdrawals, Embargoes embargoes, PageStore pages, PublicSite site, OverduePolicy policy) {
        this.withdrawals = withdrawals;
        this.embargoes = embargoes;
        this.pages = pages;
        this.site = site;
        this.policy = policy;
    }

    public OverduePolicy policy() {
        return policy;
    }

    /** The public notice, unsigned (the messaging edge seals it), or empty for a withdrawn or embargoed article. */
    public Optional<ReReviewNotice> announce(ReReview notice) {
        if (withdrawals.find(notice.articleId()).isPresent() || embargoes.holds(notice.articleId())) {
            return Optional.empty();
        }
        String servedSlug = pages.findByArticle(notice.articleId())
                .map(page -> page.article().slug())
                .orElse(null);
        return Optional.of(ReReviewNotice.of(notice, servedSlug, site, policy));
    }
}
