package org.vetted.intake.web;

import java.time.Instant;
import java.util.List;

import org.vetted.intake.domain.articles.ArticleView;

/** GET /api/articles/{id}: an article, the status of its latest revision, and its history. */
public record ArticleJson(String articleId, String slug, String title, int revision, String status,
                          String contentHash, List<HistoryJson> history) {

    public record HistoryJson(Instant at, int revision, String event, String status, String actor, String detail) {
    }

    /** One row of GET /api/articles. */
    public record Summary(String articleId, String slug, String title, int revision, String status) {
    }

    static ArticleJson of(ArticleView view) {
        return new ArticleJson(view.articleId(), view.slug(), view.title(), view.revision(), view.status().name(),
                view.contentHash(), view.history().stream()
                .map(h -> new HistoryJson(h.at(), h.revision(), h.event(), h.status().name(), h.actor(), h.detail()))
                .toList());
    }

    static Summary summary(ArticleView view) {
        return new Summary(view.articleId(), view.slug(), view.title(), view.revision(), view.status().name());
    }
}
