package org.vetted.distribution.domain;

import java.util.List;

/**
 * An article revision as rendering produced it.
 *
 * @param summary    the writer's summary, or null when none was given
 * @param sourceHash what rendering computed over the title, summary and body it rendered
 */
public record RenderedArticle(String eventId, String articleId, int revision, String slug, String title,
                              String summary, List<Author> authors, List<String> tags, String bodyMarkdown,
                              String sourceHash, String html, Approval approval) {
    public RenderedArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }
}
