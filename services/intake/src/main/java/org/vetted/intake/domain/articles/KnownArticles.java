package org.vetted.intake.domain.articles;

import java.util.Optional;

/** The articles intake knows of: to number revisions, check authorship and keep slugs unique. */
public interface KnownArticles {
    Optional<KnownArticle> find(String articleId);

    boolean slugTaken(String slug);

    /**
     * Takes {@code slug} for a new article if no article has it and no other submission has reserved it: true when
     * it is now this submission's. The check and the taking are one step, so concurrent submissions never share one.
     */
    default boolean reserveSlug(String slug) {
        return !slugTaken(slug);
    }

    /** Gives back a reservation whose article was never recorded (its event was not published). */
    default void releaseSlug(String slug) {}
}
