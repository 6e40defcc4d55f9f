package org.vetted.intake.domain.articles;

import java.util.List;
import org.vetted.intake.domain.accounts.Author;

/**
 * What intake must know of an existing article to accept a new revision of it; {@code status}: where its latest
 * revision stands (a rejection may close the article, see {@link RejectedArticles}); {@code published}: whether
 * any revision of it was ever published (read from the public topic): only then may a revision carry a correction.
 */
public record KnownArticle(
        String articleId,
        String slug,
        int latestRevision,
        List<Author> authors,
        ArticleStatus status,
        boolean published) {
    public KnownArticle {
        authors = List.copyOf(authors);
    }

    public KnownArticle(String articleId, String slug, int latestRevision, List<Author> authors, ArticleStatus status) {
        this(articleId, slug, latestRevision, authors, status, false);
    }

    public KnownArticle(String articleId, String slug, int latestRevision, List<Author> authors) {
        this(articleId, slug, latestRevision, authors, ArticleStatus.SUBMITTED);
    }

    /** This article as numbering sees it once revisions up to {@code highestClaimed} are claimed. */
    public KnownArticle countingClaims(int highestClaimed) {
        return highestClaimed <= latestRevision
                ? this
                : new KnownArticle(articleId, slug, highestClaimed, authors, status, published);
    }

    public boolean isAuthor(String username) {
        return authors.stream().anyMatch(author -> author.username().equals(username));
    }
}
