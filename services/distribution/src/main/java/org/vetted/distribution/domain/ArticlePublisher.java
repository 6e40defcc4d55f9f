package org.vetted.distribution.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns a verified rendered article into what goes public: the summary, the page URL, the byline facts.
 * Call it only with an article {@link ApprovalCheck} verified.
 */
public final class ArticlePublisher {
    private final SummaryWriter summaries;
    private final String publicBaseUrl;

    /** @param publicBaseUrl where the site is served, such as {@code https://vetted.example}; a trailing / is ignored */
    public ArticlePublisher(SummaryWriter summaries, String publicBaseUrl) {
        this.summaries = summaries;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /**
     * The event id is derived from the rendered event's, so publishing the same rendering twice yields the same id
     * and the page store (which is idempotent by event id) shows it once.
     */
    public PublishedArticle publish(RenderedArticle article, Instant now) {
        Approval approval = article.approval();
        return new PublishedArticle(
                UUID.nameUUIDFromBytes(("article.published:" + article.eventId()).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                article.articleId(),
                article.revision(),
                article.slug(),
                article.title(),
                summaries.summaryOf(article.summary(), article.bodyMarkdown(), article.title()),
                article.html(),
                urlOf(article.slug()),
                article.authors(),
                article.tags(),
                approval.signedOffBy(),
                approval.approvedAt(),
                approval.contentHash(),
                now);
    }

    public String urlOf(String slug) {
        return publicBaseUrl + "/articles/" + PathSegment.encode(slug);
    }
}
