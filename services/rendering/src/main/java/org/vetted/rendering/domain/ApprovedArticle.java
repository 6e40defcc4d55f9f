package org.vetted.rendering.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.vetted.contract.ContentHash;

/**
 * An article revision as approved: exactly the text the approval's hash was computed over, and the sign-off.
 *
 * @param summary    the writer's summary, or null when none was given
 * @param correction the correction note review approved, or null (the revision is no correction)
 * @param publishAt  the embargo review approved, or null
 */
public record ApprovedArticle(
        String articleId,
        String slug,
        String title,
        String summary,
        String bodyMarkdown,
        List<String> tags,
        List<ContentHash.Credit> authors,
        SignOff signOff,
        String correction,
        Instant publishAt) {
    public ApprovedArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
        authors = authors == null ? List.of() : List.copyOf(authors);
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        Objects.requireNonNull(signOff, "signOff");
    }

    /** A revision that is no correction and has no embargo. */
    public ApprovedArticle(
            String articleId,
            String slug,
            String title,
            String summary,
            String bodyMarkdown,
            List<String> tags,
            List<ContentHash.Credit> authors,
            SignOff signOff) {
        this(articleId, slug, title, summary, bodyMarkdown, tags, authors, signOff, null, null);
    }

    /** Everything the approval's content hash covers. */
    public ContentHash.Reviewed reviewed() {
        return new ContentHash.Reviewed(slug, title, summary, bodyMarkdown, tags, authors, correction, publishAt);
    }
}
