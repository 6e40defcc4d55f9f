package org.vetted.intake.domain;

import java.util.Optional;

/** The articles intake knows of: to number revisions, check authorship and keep slugs unique. */
public interface KnownArticles {
    Optional<KnownArticle> find(String articleId);

    boolean slugTaken(String slug);
}
