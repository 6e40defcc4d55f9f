package org.vetted.distribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private final ArticlePublisher publisher = new ArticlePublisher(new PublicSite("https://vetted.example/"));

    @Test
    void publishedArticleCarriesTheBylineTheHashAndThePageUrl() {
        RenderedArticle rendered =
                Articles.rendered(2, "Walking may ease back pain.", "Walking may ease back pain.\n\nMore.");

        PublishedArticle published = publisher.publish(rendered, NOW);

        assertThat(published.url()).isEqualTo("https://vetted.example/articles/daily-walk");
        assertThat(published.summary())
                .as("the summary review approved, as it is")
                .isEqualTo(rendered.summary());
        assertThat(published.medicallyReviewedBy()).isEqualTo(Articles.RITA);
        assertThat(published.medicalReviewers()).containsExactly(Articles.RITA);
        assertThat(published.medicallyReviewedAt()).isEqualTo(Articles.APPROVED_AT);
        assertThat(published.contentHash()).isEqualTo(rendered.approval().contentHash());
        assertThat(published.publishedAt()).isEqualTo(NOW);
        assertThat(published.revision()).isEqualTo(2);
        assertThat(published.html()).isEqualTo(rendered.html());
    }

    @Test
    void everyReviewerTheApprovalRestsOnIsCreditedTheSignerFirstAndOnce() {
        Reviewer paul = new Reviewer("paul", "Paul Park", "PharmD");
        RenderedArticle rendered = Articles.rendered(1, "Summary.", "Body.");
        Approval approval = rendered.approval();
        RenderedArticle fourEyes = new RenderedArticle(
                rendered.eventId(),
                rendered.articleId(),
                1,
                rendered.slug(),
                rendered.title(),
                rendered.summary(),
                rendered.authors(),
                rendered.tags(),
                rendered.bodyMarkdown(),
                rendered.sourceHash(),
                rendered.html(),
                new Approval(
                        approval.revision(),
                        approval.contentHash(),
                        paul,
                        List.of(Articles.RITA, new Reviewer("PAUL", "Dr. Paul Park", "PharmD")),
                        approval.approvedAt()));

        PublishedArticle published = publisher.publish(fourEyes, NOW);

        assertThat(published.medicallyReviewedBy()).isEqualTo(paul);
        assertThat(published.medicalReviewers()).containsExactly(paul, Articles.RITA);
        assertThat(published.credited()).isEqualTo(published.medicalReviewers());
    }

    @Test
    void publishingTheSameRenderingTwiceGivesTheSameEventId() {
        RenderedArticle rendered = Articles.rendered(1, "Summary.", "Body.");

        assertThat(publisher.publish(rendered, NOW).eventId())
                .isEqualTo(publisher.publish(rendered, NOW.plusSeconds(5)).eventId())
                .isNotEqualTo(rendered.eventId());
    }

    @Test
    void slugIsPercentEncodedInTheUrl() {
        RenderedArticle rendered = Articles.rendered(1, "Summary.", "Body.");
        RenderedArticle withOddSlug = new RenderedArticle(
                rendered.eventId(),
                rendered.articleId(),
                1,
                "caf\u00e9 au lait/x",
                rendered.title(),
                rendered.summary(),
                rendered.authors(),
                rendered.tags(),
                rendered.bodyMarkdown(),
                rendered.sourceHash(),
                rendered.html(),
                rendered.approval());

        assertThat(publisher.publish(withOddSlug, NOW).url())
                .isEqualTo("https://vetted.example/articles/caf%C3%A9%20au%20lait%2Fx");
    }
}
