package org.vetted.rendering.domain;

import java.util.Objects;

/**
 * An article revision as approved: exactly the text the approval's hash was computed over, and the sign-off.
 *
 * @param summary the writer's summary, or null when none was given
 */
public record ApprovedArticle(String articleId, String slug, String title, String summary, String bodyMarkdown,
                              SignOff signOff) {
    public ApprovedArticle {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        Objects.requireNonNull(signOff, "signOff");
    }
}
