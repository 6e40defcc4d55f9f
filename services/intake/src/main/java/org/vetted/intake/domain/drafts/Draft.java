package org.vetted.intake.domain.drafts;

import java.time.Instant;
import java.util.List;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.Expert;

/**
 * An accepted revision of an article, exactly as it will be submitted for review. {@code contentHash} is
 * the {@code ContentHash} of slug, title, summary, body, tags, authors, correction note and embargo: the value every approval of this revision
 * binds to.
 * {@code correction} (the note, null when the revision is no correction) and {@code publishAt} (the embargo, null
 * when none) are reviewed with the text.
 * {@code submittedBy} is the account that posted this revision (an editor may post for the authors).
 */
public record Draft(
        String articleId,
        int revision,
        String slug,
        String title,
        String summary,
        List<Author> authors,
        Author submittedBy,
        List<String> tags,
        String bodyMarkdown,
        String contentHash,
        List<Claim> claims,
        List<Expert> experts,
        List<String> warnings,
        String correction,
        Instant publishAt) {
    public Draft {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        claims = List.copyOf(claims);
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }

    /** A revision that is no correction and has no embargo. */
    public Draft(
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            List<Author> authors,
            Author submittedBy,
            List<String> tags,
            String bodyMarkdown,
            String contentHash,
            List<Claim> claims,
            List<Expert> experts,
            List<String> warnings) {
        this(
                articleId,
                revision,
                slug,
                title,
                summary,
                authors,
                submittedBy,
                tags,
                bodyMarkdown,
                contentHash,
                claims,
                experts,
                warnings,
                null,
                null);
    }

    /** What the status projection records of this draft once intake has published it. */
    public ArticleEvent.DraftRecorded recorded(String eventId, Instant submittedAt) {
        return new ArticleEvent.DraftRecorded(
                eventId,
                articleId,
                revision,
                submittedAt,
                slug,
                title,
                summary,
                tags,
                bodyMarkdown,
                claims,
                contentHash,
                authors,
                submittedBy.username(),
                ArticleEvent.DraftRecorded.detailOf(claims.size(), experts.size(), warnings.size()));
    }
}
