package org.vetted.distribution.web;

import java.time.Instant;
import java.util.List;

import org.vetted.distribution.domain.PageStore;
import org.vetted.distribution.domain.PublishedArticle;

/** {@code GET /api/articles/{slug}}: the latest published revision as JSON. */
record ArticleJson(String articleId, int revision, String slug, String title, String summary, String url,
                   String html, List<Name> authors, List<String> tags, ReviewerJson medicallyReviewedBy,
                   Instant medicallyReviewedAt, Instant firstPublishedAt, Instant publishedAt, String contentHash,
                   String signature) {

    record Name(String name) {
    }

    record ReviewerJson(String name, String credential) {
    }

    /** @param signature distribution's compact JWS over the article's identity, hash and {@code html} */
    static ArticleJson of(PageStore.Page page, String signature) {
        PublishedArticle article = page.article();
        return new ArticleJson(article.articleId(), article.revision(), article.slug(), article.title(),
                article.summary(), article.url(), article.html(),
                article.authors().stream().map(author -> new Name(author.displayName())).toList(), article.tags(),
                new ReviewerJson(article.medicallyReviewedBy().displayName(), article.medicallyReviewedBy().credential()),
                article.medicallyReviewedAt(), page.firstPublishedAt(), article.publishedAt(), article.contentHash(),
                signature);
    }
}
