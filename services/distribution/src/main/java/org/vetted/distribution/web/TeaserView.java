package org.vetted.distribution.web;

import java.time.ZoneId;
import org.vetted.contract.MedicalCredits;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublishedArticle;

/** One article on the front page. Every field is text, escaped by the template; no article HTML is shown here. */
record TeaserView(
        String slug, String title, String summary, String reviewedBy, String publishedOn, String publishedAtIso) {
    static TeaserView of(PageStore.Page page, ZoneId zone) {
        PublishedArticle article = page.article();
        return new TeaserView(
                article.slug(),
                article.title(),
                article.summary(),
                reviewedBy(article),
                ArticleView.DAY.withZone(zone).format(page.firstPublishedAt()),
                page.firstPublishedAt().toString());
    }

    /** "Paul Park, PharmD and Rita Reyes, MD": everyone credited, the signer first, as the article's byline reads. */
    static String reviewedBy(PublishedArticle article) {
        return MedicalCredits.list(article.credited().stream()
                .map(reviewer -> MedicalCredits.nameWithCredential(reviewer.displayName(), reviewer.credential()))
                .toList());
    }
}
