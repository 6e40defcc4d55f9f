package org.vetted.distribution.messaging.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.webhooks.EventType;
import org.vetted.distribution.domain.webhooks.WebhookEvent;
import org.vetted.distribution.messaging.EventMapper;
import org.vetted.events.ArticlePublished;

class WebhookPayloadsTest {
    static final Instant AT = Instant.parse("2026-12-07T08:30:00Z");

    @Test
    void aPublicationIsArticlePublishedWithTheSpecsEnvelopeAndNoHtml() {
        ArticlePublished event =
                (ArticlePublished) EventMapper.toEvent(Articles.published("a1", 2, "walking", "Walking <b>", AT));

        WebhookEvent webhook = WebhookPayloads.of(event).orElseThrow();

        assertThat(webhook.type()).isEqualTo(EventType.ARTICLE_PUBLISHED);
        assertThat(webhook.eventId()).isEqualTo(event.getEventId());
        assertThat(webhook.articleId()).isEqualTo("a1");
        assertThat(webhook.occurredAt()).isEqualTo(AT);
        assertThat(webhook.body())
                .isEqualTo("{\"type\":\"article.published\",\"timestamp\":\"2026-12-07T08:30:00Z\",\"data\":{"
                        + "\"articleId\":\"a1\",\"revision\":2,\"slug\":\"walking\",\"title\":\"Walking <b>\","
                        + "\"summary\":\"A summary of Walking <b>\",\"url\":\"http://localhost:8084/articles/walking\","
                        + "\"reviewers\":[{\"name\":\"Rita Reyes\",\"credential\":\"MD\"}],"
                        + "\"medicallyReviewedAt\":\"2026-11-25T15:30:00Z\",\"contentHash\":\"sha256:a12\","
                        + "\"publishedAt\":\"2026-12-07T08:30:00Z\"}}");
        assertThat(webhook.body()).doesNotContain("<p>", "wanda", "\"rita\"");
    }

    @Test
    void aRetractionCarriesTheReasonAndATakedownNoTitle() {
        org.vetted.events.Reviewer rita = new org.vetted.events.Reviewer("rita", "Rita Reyes", "MD");
        org.vetted.events.ArticleRetracted retracted = org.vetted.events.ArticleRetracted.newBuilder()
                .setEventId("r-1")
                .setArticleId("a1")
                .setRevision(2)
                .setSlug("walking")
                .setTitle("Walking")
                .setUrl("http://localhost:8084/articles/walking")
                .setReason("The dose table was wrong.")
                .setDecidedBy(rita)
                .setDecidedAt(AT)
                .build();
        org.vetted.events.ArticleUnpublished unpublished = org.vetted.events.ArticleUnpublished.newBuilder()
                .setEventId("u-1")
                .setArticleId("a1")
                .setRevision(2)
                .setSlug("walking")
                .setReason("Legal request.")
                .setDecidedBy(rita)
                .setDecidedAt(AT)
                .build();

        WebhookEvent retraction = WebhookPayloads.of(retracted).orElseThrow();
        WebhookEvent takedown = WebhookPayloads.of(unpublished).orElseThrow();

        assertThat(retraction.type()).isEqualTo(EventType.ARTICLE_RETRACTED);
        assertThat(retraction.body())
                .startsWith("{\"type\":\"article.retracted\",\"timestamp\":\"2026-12-07T08:30:00Z\"")
                .contains("\"reason\":\"The dose table was wrong.\"", "\"title\":\"Walking\"")
                .contains("\"decidedBy\":{\"name\":\"Rita Reyes\",\"credential\":\"MD\"}")
                .doesNotContain("\"rita\"");
        assertThat(takedown.type()).isEqualTo(EventType.ARTICLE_UNPUBLISHED);
        assertThat(takedown.body()).contains("\"reason\":\"Legal request.\"").doesNotContain("title");
        assertThat(takedown.eventId()).isEqualTo("u-1");
    }

    @Test
    void aRecordTypeWithoutAMappingMakesNoWebhook() {
        assertThat(WebhookPayloads.of(new org.vetted.events.ArticleRendered())).isEmpty();
    }
}
