package org.vetted.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One submitted revision of an article: the exact text under review and the hash an approval binds to. */
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
        Instant submittedAt) {

    public Draft {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        claims = List.copyOf(claims);
        experts = List.copyOf(experts);
        warnings = List.copyOf(warnings);
    }

    public boolean isAuthoredBy(String username) {
        return authors.stream().anyMatch(author -> author.username().equals(username));
    }

    public Optional<Claim> claim(String claimId) {
        return claims.stream().filter(claim -> claim.id().equals(claimId)).findFirst();
    }
}
