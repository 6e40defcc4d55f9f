package org.vetted.intake.domain.articles;

import java.util.List;
import org.vetted.intake.domain.accounts.Author;

/** What intake must know of an existing article to accept a new revision of it. */
public record KnownArticle(String articleId, String slug, int latestRevision, List<Author> authors) {
    public KnownArticle {
        authors = List.copyOf(authors);
    }

    /** This article as numbering sees it once revisions up to {@code highestClaimed} are claimed. */
    public KnownArticle countingClaims(int highestClaimed) {
        return highestClaimed <= latestRevision ? this : new KnownArticle(articleId, slug, highestClaimed, authors);
    }

    public boolean isAuthor(String username) {
        return authors.stream().anyMatch(author -> author.username().equals(username));
    }
}
