package org.vetted.rendering.domain;

import java.time.Instant;
import java.util.List;
import org.vetted.contract.ContentHash;

/** Fixtures: approved articles whose approval covers exactly their text, unless a test tampers with them. */
final class ApprovedArticles {
    static final Instant APPROVED_AT = Instant.parse("2026-11-25T15:30:00Z");
    static final SignOff.Reviewer RITA = new SignOff.Reviewer("Rita Reyes", "MD");

    static ApprovedArticle withBody(String body) {
        return approved("Can a Daily Walk Ease Lower-Back Pain?", "Gentle movement and back pain.", body);
    }

    static ApprovedArticle approved(String title, String summary, String body) {
        List<String> tags = List.of("back pain");
        List<ContentHash.Credit> authors = List.of(new ContentHash.Credit("wanda", "Wanda Writer"));
        String hash = ContentHash.of(new ContentHash.Reviewed("daily-walk", title, summary, body, tags, authors));
        return new ApprovedArticle(
                "article-1",
                "daily-walk",
                title,
                summary,
                body,
                tags,
                authors,
                new SignOff(1, hash, RITA, APPROVED_AT));
    }

    static ApprovedArticle withSignOff(ApprovedArticle article, SignOff signOff) {
        return new ApprovedArticle(
                article.articleId(),
                article.slug(),
                article.title(),
                article.summary(),
                article.bodyMarkdown(),
                article.tags(),
                article.authors(),
                signOff);
    }

    static ApprovedArticle withBodyChangedAfterApproval(ApprovedArticle article, String body) {
        return new ApprovedArticle(
                article.articleId(),
                article.slug(),
                article.title(),
                article.summary(),
                body,
                article.tags(),
                article.authors(),
                article.signOff());
    }

    private ApprovedArticles() {}
}
