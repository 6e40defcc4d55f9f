package org.vetted.distribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.ContentHash;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Seals;
import org.vetted.contract.Topics;
import org.vetted.distribution.domain.PageStore;
import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

@SpringBootTest(properties = {
        "spring.cloud.stream.bindings.publishArticle-in-0.consumer.max-attempts=1",
        "vetted.public-base-url=https://vetted.example",
        "vetted.seal.key=" + DistributionBindingsTest.SEAL_KEY})
@Import({TestChannelBinderConfiguration.class, DistributionBindingsTest.FixedClock.class})
class DistributionBindingsTest {
    static final String SEAL_KEY = "test-seal-key-for-distribution-tests-0123456789";
    /** Review's and rendering's seals: the three services share the key. */
    static final Seals SEALS = Seals.withSecret(SEAL_KEY);
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
    @Autowired
    @Qualifier("errorChannel")
    SubscribableChannel errorChannel;

    /** Why the function refused a record: what the binder hands to dead-lettering. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final MessageHandler collectFailures = message -> failures.add(((ErrorMessage) message).getPayload());

    @BeforeEach
    void emptyTheTopicsAndListenForFailures() {
        output.clear();
        errorChannel.subscribe(collectFailures);
    }

    @AfterEach
    void stopListening() {
        errorChannel.unsubscribe(collectFailures);
    }

    @Test
    void renderedArticleIsPublishedKeyedByArticleId() {
        ArticleRendered rendered = rendered("art-9", "Walking may ease back pain.\n\nSecond paragraph.");

        send(rendered);

        Message<byte[]> message = output.receive(0, Topics.PUBLISHED);
        assertThat(message).isNotNull();
        assertThat(failures).isEmpty();
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
    void renderingWhoseBodyWasTamperedWithIsDeadLetteredForItsHash() {
        ArticleRendered rendered = rendered("art-10", "Walking may ease back pain.");
        rendered.setBodyMarkdown("Walking cures back pain.");

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("do not hash to the approved hash");
    }

    @Test
    void approvalWithAForgedSealIsDeadLettered() {
        ArticleRendered rendered = rendered("art-12", "Walking may ease back pain.");
        Approval approval = rendered.getApproval();
        approval.setSeal(Seals.withSecret("a-forger-s-own-key-that-is-long-enough-0000").approval("art-12",
                approval.getRevision(), approval.getContentHash(), "rita", approval.getApprovedAt()));

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("approval is not sealed by the review service");
    }

    @Test
    void approvalWithoutASealIsDeadLettered() {
        ArticleRendered rendered = rendered("art-13", "Walking may ease back pain.");
        rendered.getApproval().setSeal(null);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("approval is not sealed by the review service");
    }

    @Test
    void htmlAlteredAfterRenderingIsDeadLettered() {
        ArticleRendered rendered = rendered("art-14", "Walking may ease back pain.");
        rendered.setHtml(rendered.getHtml().replace("may ease", "cures"));

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("HTML is not sealed by the rendering service");
    }

    @Test
    void renderingWithoutARenderSealIsDeadLettered() {
        ArticleRendered rendered = rendered("art-15", "Walking may ease back pain.");
        rendered.setRenderSeal(null);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("HTML is not sealed by the rendering service");
    }

    @Test
    void renderSealOfAnotherArticleDoesNotCoverThisOne() {
        ArticleRendered other = rendered("art-16", "Walking may ease back pain.");
        ArticleRendered rendered = rendered("art-17", "Walking may ease back pain.");
        rendered.setRenderSeal(other.getRenderSeal());

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("HTML is not sealed by the rendering service");
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

    @Test
    void publishedArticleWithASlugOfAnotherArticleIsNotServed() {
        input.send(MessageBuilder.withPayload(published("art-20", "first-owner", "The first owner")).build(),
                Topics.PUBLISHED);
        input.send(MessageBuilder.withPayload(published("art-21", "first-owner", "An impostor")).build(),
                Topics.PUBLISHED);

        assertThat(pages.findBySlug("first-owner")).hasValueSatisfying(page ->
                assertThat(page.article().articleId()).isEqualTo("art-20"));
    }

    private static ArticlePublished published(String articleId, String slug, String title) {
        return ArticlePublished.newBuilder()
                .setEventId("published-" + articleId)
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(slug)
                .setTitle(title)
                .setSummary("A summary.")
                .setHtml("<p>Text.</p>")
                .setUrl("https://vetted.example/articles/" + slug)
                .setMedicallyReviewedBy(new Reviewer("paul", "Paul Park", "PharmD"))
                .setMedicallyReviewedAt(APPROVED_AT)
                .setContentHash("sha256:" + articleId)
                .setPublishedAt(NOW)
                .build();
    }

    private void send(ArticleRendered rendered) {
        input.send(MessageBuilder.withPayload(rendered).setHeader(KafkaHeaders.KEY, rendered.getArticleId()).build(),
                Topics.RENDERED);
    }

    private void assertRefusedBecause(String reason) {
        assertThat(failures).singleElement().satisfies(failure -> assertThat(rootCause(failure))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(reason));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A rendering as rendering emits it: the approval sealed by review, the HTML sealed by rendering. */
    private static ArticleRendered rendered(String articleId, String body) {
        String title = "Can Walking Ease Back Pain?";
        String hash = ContentHash.of(title, null, body);
        String html = "<p>Walking may ease back pain.</p><p class=\"medical-review\">Medically reviewed by "
                + "Rita Reyes, MD on November 25, 2026</p>";
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
                .setHtml(html)
                .setApproval(Approval.newBuilder()
                        .setRevision(3)
                        .setContentHash(hash)
                        .setSignedOffBy(new Reviewer("rita", "Rita Reyes", "MD"))
                        .setApprovedAt(APPROVED_AT)
                        .setSeal(SEALS.approval(articleId, 3, hash, "rita", APPROVED_AT))
                        .build())
                .setRenderedAt(NOW.minusSeconds(60))
                .setRenderSeal(SEALS.rendering(articleId, 3, hash, html))
                .build();
    }
}
