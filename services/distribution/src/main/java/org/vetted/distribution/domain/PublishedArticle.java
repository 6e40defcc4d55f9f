package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * An article revision as it goes public.
 *
 * @param url                 where distribution serves the page
 * @param medicallyReviewedBy the reviewer who signed the approval off
 * @param contentHash         the approved hash, equal to the hash of the published source
 */
public record PublishedArticle(String eventId, String articleId, int revision, String slug, String title,
                               String summary, String html, String url, List<Author> authors, List<String> tags,
                               Reviewer medicallyReviewedBy, Instant medicallyReviewedAt, String contentHash,
                               Instant publishedAt) {
    public PublishedArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }
}
