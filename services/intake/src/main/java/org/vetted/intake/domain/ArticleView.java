package org.vetted.intake.domain;

import java.time.Instant;
import java.util.List;

/**
 * An article as writers see it. {@code slug} and {@code title} are null while only later events of it are known
 * (the projection replays several topics, which may arrive in any order).
 */
public record ArticleView(String articleId, String slug, String title, int revision, ArticleStatus status,
                          String contentHash, List<Author> authors, List<HistoryEntry> history) {
    public ArticleView {
        authors = List.copyOf(authors);
        history = List.copyOf(history);
    }

    /** One line of an article's history. */
    public record HistoryEntry(Instant at, int revision, String event, ArticleStatus status, String actor,
                               String detail) {
    }
}
