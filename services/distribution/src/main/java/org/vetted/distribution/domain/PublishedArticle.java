package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * An article revision as it goes public.
 *
 * @param url                 where distribution serves the page
 * @param medicallyReviewedBy the reviewer who signed the approval off
 * @param contentHash         the approved hash, equal to the hash of the published source
 * @param seal                distribution's signature over all the other fields, opaque here: null until the
 *                            messaging edge signs what it publishes; kept with the page, so that a page read back
 *                            from outside the process is served only while it still verifies
 */
public record PublishedArticle(String eventId, String articleId, int revision, String slug, String title,
                               String summary, String html, String url, List<Author> authors, List<String> tags,
                               Reviewer medicallyReviewedBy, Instant medicallyReviewedAt, String contentHash,
                               Instant publishedAt, String seal) {
    public PublishedArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }

    /** Not signed yet, as {@link ArticlePublisher} makes it. */
    public PublishedArticle(String eventId, String articleId, int revision, String slug, String title,
                            String summary, String html, String url, List<Author> authors, List<String> tags,
                            Reviewer medicallyReviewedBy, Instant medicallyReviewedAt, String contentHash,
                            Instant publishedAt) {
        this(eventId, articleId, revision, slug, title, summary, html, url, authors, tags, medicallyReviewedBy,
                medicallyReviewedAt, contentHash, publishedAt, null);
    }
}
