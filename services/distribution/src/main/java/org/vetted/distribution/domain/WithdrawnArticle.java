package org.vetted.distribution.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A withdrawal as distribution makes it public ({@code ArticleRetracted} or {@code ArticleUnpublished}): who decided,
 * when and why, and which article (its id, slug, URL, last approved revision). A takedown names no title: an article
 * may be taken down because of what its title says.
 *
 * @param title null for a takedown
 * @param seal  distribution's signature, as {@link PublishedArticle#seal()}
 */
public record WithdrawnArticle(
        String eventId,
        String articleId,
        WithdrawalKind kind,
        int revision,
        String slug,
        String title,
        String url,
        String reason,
        Reviewer decidedBy,
        Instant decidedAt,
        String seal)
        implements PublicEvent {

    /**
     * The public event of review's decision, unsigned. Its event id is derived from the decision's, so a decision read
     * twice (a redelivery after a failed commit) makes the same event, which every consumer applies once.
     *
     * @param servedSlug the slug the article is served under, or null when no revision of it was published yet
     */
    public static WithdrawnArticle of(Withdrawal withdrawal, String servedSlug, PublicSite site) {
        String slug = servedSlug != null ? servedSlug : withdrawal.slug();
        return new WithdrawnArticle(
                UUID.nameUUIDFromBytes(("withdrawn " + withdrawal.eventId()).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                withdrawal.articleId(),
                withdrawal.kind(),
                withdrawal.revision(),
                slug,
                withdrawal.kind() == WithdrawalKind.RETRACTED ? withdrawal.title() : null,
                site.articleUrl(slug),
                withdrawal.reason(),
                withdrawal.decidedBy(),
                withdrawal.decidedAt(),
                null);
    }
}
