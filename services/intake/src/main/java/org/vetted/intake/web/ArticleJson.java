package org.vetted.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.vetted.intake.domain.articles.ArticleView;

/** GET /api/articles/{id}: an article, the status of its latest revision, and its history. */
public record ArticleJson(
        String articleId,
        String slug,
        String title,
        int revision,
        String status,
        String contentHash,
        List<HistoryJson> history) {

    /** {@code sentence}: the line as the writer's page reads it ("Rita Reyes approved ‘…’"). */
    public record HistoryJson(
            Instant at, int revision, String event, String status, String actor, String detail, String sentence) {}

    /** One row of GET /api/articles; {@code lastActivityAt}: when anything last happened to it. */
    public record Summary(
            String articleId, String slug, String title, int revision, String status, Instant lastActivityAt) {}

    /** GET /api/articles: a page of the account's articles and the cursor of the next page (null on the last). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listing(List<Summary> articles, String next) {}

    static ArticleJson of(ArticleView view) {
        return new ArticleJson(
                view.articleId(),
                view.slug(),
                view.title(),
                view.revision(),
                view.status().name(),
                view.contentHash(),
                view.history().stream()
                        .map(h -> new HistoryJson(
                                h.at(),
                                h.revision(),
                                h.event(),
                                h.status().name(),
                                h.actor(),
                                h.detail(),
                                h.sentence()))
                        .toList());
    }

    static Summary summary(ArticleView view) {
        return new Summary(
                view.articleId(),
                view.slug(),
                view.title(),
                view.revision(),
                view.status().name(),
                view.lastActivity());
    }
}
