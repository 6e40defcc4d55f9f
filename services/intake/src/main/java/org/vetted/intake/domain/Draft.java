package org.vetted.intake.domain;

import java.util.List;

/**
 * An accepted revision of an article, exactly as it will be submitted for review. {@code contentHash} is
 * the {@code ContentHash} of slug, title, summary, body, tags and authors: the value every approval of this revision
 * binds to.
 * {@code submittedBy} is the account that posted this revision (an editor may post for the authors).
 */
public record Draft(String articleId, int revision, String slug, String title, String summary, List<Author> authors,
                    Author submittedBy, List<String> tags, String bodyMarkdown, String contentHash, List<Claim> claims,
                    List<Expert> experts, List<String> warnings) {
    public Draft {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        claims = List.copyOf(claims);
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }
}
