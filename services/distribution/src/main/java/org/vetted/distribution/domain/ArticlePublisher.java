package org.vetted.distribution.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.vetted.contract.MedicalCredits;

/**
 * Turns a verified rendered article into what goes public: the page URL, the byline facts (who signed off, and
 * everyone credited with the review).
 * Call it only with an article {@link ApprovalCheck} verified.
 */
public final class ArticlePublisher {
    private final PublicSite site;

    public ArticlePublisher(PublicSite site) {
        this.site = site;
    }

    /**
     * The event id is derived from the rendered event's, so publishing the same rendering twice yields the same id
     * and the page store (which is idempotent by event id) shows it once.
     */
    public PublishedArticle publish(RenderedArticle article, Instant now) {
        Approval approval = article.approval();
        return PublishedArticle.builder()
                .eventId(UUID.nameUUIDFromBytes(
                                ("article.published:" + article.eventId()).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .articleId(article.articleId())
                .revision(article.revision())
                .slug(article.slug())
                .title(article.title())
                // Intake decides the summary (the writer's, or the first paragraph) before review; it is approved.
                .summary(article.summary() == null ? "" : article.summary())
                .html(article.html())
                .url(site.articleUrl(article.slug()))
                .authors(article.authors())
                .tags(article.tags())
                .medicallyReviewedBy(approval.signedOffBy())
                // Everyone whose approval the publication rests on is credited, the signer first.
                .medicalReviewers(MedicalCredits.signerFirst(
                        approval.signedOffBy(), approval.claimReviewers(), Reviewer::username, Reviewer::displayName))
                .medicallyReviewedAt(approval.approvedAt())
                .contentHash(approval.contentHash())
                .publishedAt(now)
                // How each claim was reviewed goes public exactly as review signed it.
                .claimProvenance(approval.claimProvenance())
                // Both were approved with the text (the content hash covers them) and go public with it.
                .correction(article.correction())
                .publishAt(article.publishAt())
                .build();
    }
}
