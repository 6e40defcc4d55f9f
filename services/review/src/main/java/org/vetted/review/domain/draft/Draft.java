package org.vetted.review.domain.draft;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vetted.contract.PersonNames;

/**
 * One submitted revision of an article: the exact text under review and the hash an approval binds to. The hash also
 * covers {@code correction} (the correction note of a revision of a published article, null if none) and
 * {@code publishAt} (its embargo, null if none): the reviewer is shown both and approves them with the text.
 */
public record Draft(
        String articleId,
        int revision,
        String slug,
        String title,
        String summary,
        List<Author> authors,
        List<String> tags,
        String bodyMarkdown,
        String contentHash,
        List<Claim> claims,
        List<Expert> experts,
        List<String> warnings,
        Instant submittedAt,
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
            List<String> tags,
            String bodyMarkdown,
            String contentHash,
            List<Claim> claims,
            List<Expert> experts,
            List<String> warnings,
            Instant submittedAt) {
        this(
                articleId,
                revision,
                slug,
                title,
                summary,
                authors,
                tags,
                bodyMarkdown,
                contentHash,
                claims,
                experts,
                warnings,
                submittedAt,
                null,
                null);
    }

    public boolean isAuthoredBy(String username) {
        return creditedAs(username, null).isPresent();
    }

    /**
     * The credit that names this person, however it is spelled: the same login (any case), or a display name that is
     * the same person's once case, accents, punctuation, honorifics ("Dr.") and trailing credentials ("RD",
     * "MD, MPH") are set aside. A co-author credited as "Dana Diaz, RD" is Dana Diaz's own article.
     */
    public Optional<Author> creditedAs(String username, String displayName) {
        return authors.stream()
                .filter(author -> author.username().equalsIgnoreCase(username)
                        || PersonNames.samePerson(author.displayName(), displayName)
                        || PersonNames.samePerson(author.displayName(), username))
                .findFirst();
    }

    public Optional<Claim> claim(String claimId) {
        return claims.stream().filter(claim -> claim.id().equals(claimId)).findFirst();
    }
}
