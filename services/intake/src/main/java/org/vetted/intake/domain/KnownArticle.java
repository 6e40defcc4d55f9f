package org.vetted.intake.domain;

import java.util.List;

/** What intake must know of an existing article to accept a new revision of it. */
public record KnownArticle(String articleId, String slug, int latestRevision, List<Author> authors) {
    public KnownArticle {
        authors = List.copyOf(authors);
    }

    public boolean isAuthor(String username) {
        return authors.stream().anyMatch(author -> author.username().equals(username));
    }
}
