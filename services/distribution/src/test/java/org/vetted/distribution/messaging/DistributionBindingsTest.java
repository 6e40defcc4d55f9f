package org.vetted.distribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.ContentHash;
import org.vetted.contract.Topics;
import org.vetted.distribution.domain.PageStore;
import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

@SpringBootTest(properties = {
        "spring.cloud.stream.bindings.publishArticle-in-0.consumer.max-attempts=1",
        "vetted.public-base-url=https://vetted.example"})
@Import({TestChannelBinderConfiguration.class, DistributionBindingsTest.FixedClock.class})
class DistributionBindingsTest {
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final Instant APPROVED_AT = Instant.parse("2026-11-25T15:30:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    InputDestination input;
    @Autowired
    OutputDestination output;
    @Autowired
    PageStore pages;

    @BeforeEach
    void emptyTheTopics() {
        output.clear();
    }

    @Test
    void renderedArticleIsPublishedKeyedByArticleId() {
        ArticleRendered rendered = rendered("art-9", "Walking may ease back pain.\n\nSecond paragraph.");

        input.send(MessageBuilder.withPayload(rendered).setHeader(KafkaHeaders.KEY, "art-9").build(), Topics.RENDERED);

        Message<byte[]> message = output.receive(0, Topics.PUBLISHED);
        assertThat(message).isNotNull();
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("art-9");
        assertThat((Object) message.getPayload()).isInstanceOfSatisfying(ArticlePublished.class, published -> {
            assertThat(published.getArticleId()).isEqualTo("art-9");
            assertThat(published.getRevision()).isEqualTo(3);
            assertThat(published.getSlug()).isEqualTo("walking-art-9");
            assertThat(published.getSummary()).isEqualTo("Walking may ease back pain.");
            assertThat(published.getUrl()).isEqualTo("https://vetted.example/articles/walking-art-9");
            assertThat(published.getHtml()).isEqualTo(rendered.getHtml());
            assertThat(published.getAuthors()).isEqualTo(rendered.getAuthors());
            assertThat(published.getTags()).containsExactly("exercise");
            assertThat(published.getMedicallyReviewedBy()).isEqualTo(rendered.getApproval().getSignedOffBy());
            assertThat(published.getMedicallyReviewedAt()).isEqualTo(APPROVED_AT);
            assertThat(published.getContentHash()).isEqualTo(rendered.getApproval().getContentHash());
            assertThat(published.getPublishedAt()).isEqualTo(NOW);
            assertThat(published.getEventId()).isNotBlank().isNotEqualTo(rendered.getEventId());
        });
    }

    @Test
    void renderingWhoseBodyWasTamperedWithPublishesNothing() {
        ArticleRendered rendered = rendered("art-10", "Walking may ease back pain.");
        rendered.setBodyMarkdown("Walking cures back pain.");

        input.send(MessageBuilder.withPayload(rendered).setHeader(KafkaHeaders.KEY, "art-10").build(), Topics.RENDERED);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
    }

    @Test
    void publishedArticleOnThePublicTopicBecomesAPage() {
        ArticlePublished published = ArticlePublished.newBuilder()
                .setEventId("published-1")
                .setArticleId("art-11")
                .setRevision(1)
                .setSlug("sleep-art-11")
                .setTitle("Does Magnesium Help Sleep?")
                .setSummary("What the evidence says.")
                .setHtml("<p>Maybe.</p>")
                .setUrl("https://vetted.example/articles/sleep-art-11")
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of("sleep"))
                .setMedicallyReviewedBy(new Reviewer("paul", "Paul Park", "PharmD"))
                .setMedicallyReviewedAt(APPROVED_AT)
                .setContentHash("sha256:abc")
                .setPublishedAt(NOW)
                .build();

        input.send(MessageBuilder.withPayload(published).setHeader(KafkaHeaders.KEY, "art-11").build(),
                Topics.PUBLISHED);

        assertThat(pages.findBySlug("sleep-art-11")).hasValueSatisfying(page -> {
            assertThat(page.article().title()).isEqualTo("Does Magnesium Help Sleep?");
            assertThat(page.article().medicallyReviewedBy().displayName()).isEqualTo("Paul Park");
        });
    }

    private static ArticleRendered rendered(String articleId, String body) {
        String title = "Can Walking Ease Back Pain?";
        String hash = ContentHash.of(title, null, body);
        return ArticleRendered.newBuilder()
                .setEventId("rendered-" + articleId)
                .setArticleId(articleId)
                .setRevision(3)
                .setSlug("walking-" + articleId)
                .setTitle(title)
                .setSummary(null)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("exercise"))
                .setBodyMarkdown(body)
                .setSourceHash(hash)
                .setHtml("<p>Walking may ease back pain.</p><p class=\"medical-review\">Medically reviewed by "
                        + "Rita Reyes, MD on November 25, 2026</p>")
                .setApproval(Approval.newBuilder()
                        .setRevision(3)
                        .setContentHash(hash)
                        .setSignedOffBy(new Reviewer("rita", "Rita Reyes", "MD"))
                        .setApprovedAt(APPROVED_AT)
                        .build())
                .setRenderedAt(NOW.minusSeconds(60))
                .build();
    }
}
