package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;
import org.vetted.contract.ContentHash;

/**
 * An article revision as rendering produced it.
 *
 * @param summary    the writer's summary, or null when none was given
 * @param sourceHash what rendering computed over everything it rendered (see {@link ContentHash})
 * @param correction the correction note review approved, or null
 * @param publishAt  the embargo review approved, or null
 */
public record RenderedArticle(
        String eventId,
        String articleId,
        int revision,
        String slug,
        String title,
        String summary,
        List<Author> authors,
        List<String> tags,
        String bodyMarkdown,
        String sourceHash,
        String html,
        Approval approval,
        String correction,
        Instant publishAt) {
    public RenderedArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }

    /** No correction, no embargo. */
    public RenderedArticle(
            String eventId,
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            List<Author> authors,
            List<String> tags,
            String bodyMarkdown,
            String sourceHash,
            String html,
            Approval approval) {
        this(
                eventId,
                articleId,
                revision,
                slug,
                title,
                summary,
                authors,
                tags,
                bodyMarkdown,
                sourceHash,
                html,
                approval,
                null,
                null);
    }

    /** Everything the approval's content hash covers, as rendering passed it on. */
    public ContentHash.Reviewed reviewed() {
        return new ContentHash.Reviewed(
                slug,
                title,
                summary,
                bodyMarkdown,
                tags,
                authors.stream()
                        .map(author -> new ContentHash.Credit(author.username(), author.displayName()))
                        .toList(),
                correction,
                publishAt);
    }
}
