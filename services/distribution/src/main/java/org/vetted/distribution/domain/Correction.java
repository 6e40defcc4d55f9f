package org.vetted.distribution.domain;

import java.time.Instant;

/**
 * A correction of a published article as its page lists it: the revision that corrected it, the note review approved
 * with that revision, and when the corrected revision went public.
 */
public record Correction(String eventId, int revision, String note, Instant correctedAt) {

    /** The correction a corrected revision makes; empty for a revision that is no correction. */
    public static java.util.Optional<Correction> of(PublishedArticle article) {
        return article.isCorrection()
                ? java.util.Optional.of(new Correction(
                        article.eventId(), article.revision(), article.correction(), article.publishedAt()))
                : java.util.Optional.empty();
    }
}
