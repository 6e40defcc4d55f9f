package org.vetted.rendering.domain;

import java.util.List;
import java.util.Objects;
import org.vetted.contract.ContentHash;

/**
 * An article revision as approved: exactly the text the approval's hash was computed over, and the sign-off.
 *
 * @param summary the writer's summary, or null when none was given
 */
public record ApprovedArticle(
        String articleId,
        String slug,
        String title,
        String summary,
        String bodyMarkdown,
        List<String> tags,
        List<ContentHash.Credit> authors,
        SignOff signOff) {
    public ApprovedArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
        authors = authors == null ? List.of() : List.copyOf(authors);
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        Objects.requireNonNull(signOff, "signOff");
    }

    /** Everything the approval's content hash covers. */
    public ContentHash.Reviewed reviewed() {
        return new ContentHash.Reviewed(slug, title, summary, bodyMarkdown, tags, authors);
    }
}
