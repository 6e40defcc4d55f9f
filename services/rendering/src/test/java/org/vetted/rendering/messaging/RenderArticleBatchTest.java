package org.vetted.rendering.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.rendering.app.RenderApprovedArticle;
import org.vetted.rendering.domain.ApprovalBinding;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.MedicalReviewByline;
import org.vetted.support.signing.Seals;

/**
 * One poll of the batch-mode binding, as the Kafka binder hands it over (the records as a list, their metadata as
 * lists): the renderings are sent in the poll's order, and a refused approval in the middle is dead-lettered alone,
 * with its reason, while the records around it are rendered once each.
 */
class RenderArticleBatchTest {
    final List<Message<ArticleRendered>> sent = new CopyOnWriteArrayList<>();
    final List<Message<?>> deadLettered = new CopyOnWriteArrayList<>();
    final List<RuntimeException> causes = new CopyOnWriteArrayList<>();

    final RenderArticle renderArticle = new RenderArticle(
            new RenderApprovedArticle(
                    new ArticleRenderer(ApprovalBinding.defaults(), new MedicalReviewByline(ZoneId.of("UTC"))),
                    Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC)),
            new Seals(DemoKeys.signaturesOf(Issuer.RENDERING)),
            sent::add,
            (record, cause) -> {
                deadLettered.add(record);
                causes.add(cause);
            },
            ObservationRegistry.NOOP);

    @Test
    void aRefusedApprovalInTheMiddleOfAPollIsDeadLetteredAloneAndTheOthersAreRenderedOnceInOrder() {
        List<ArticleApproved> approvals = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ArticleApproved approved = RenderArticleBindingTest.approved("Walking may ease back pain, part " + i + ".");
            approved.setArticleId("art-" + i);
            approved.setEventId("approved-" + i);
            approvals.add(i == 3 ? unsigned(approved) : RenderArticleBindingTest.sealed(approved));
        }

        renderArticle.accept(poll(approvals, 40));

        assertThat(sent)
                .extracting(message -> message.getPayload().getArticleId())
                .containsExactly("art-1", "art-2", "art-4", "art-5");
        assertThat(sent).allSatisfy(message -> {
            assertThat(message.getHeaders().get(KafkaHeaders.KEY))
                    .isEqualTo(message.getPayload().getArticleId());
            assertThat(message.getPayload().getRenderSeal()).isNotBlank();
        });
        assertThat(deadLettered).singleElement().satisfies(record -> {
            assertThat(record.getHeaders().get(KafkaHeaders.OFFSET)).isEqualTo(42L);
            assertThat(record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)).isEqualTo(Topics.APPROVED);
            assertThat(((ArticleApproved) record.getPayload()).getArticleId()).isEqualTo("art-3");
        });
        assertThat(causes)
                .singleElement()
                .isInstanceOf(PoisonEventException.class)
                .satisfies(cause -> assertThat(cause.getMessage())
                        .startsWith("not rendered: ")
                        .contains("not signed by the review service"));
    }

    @Test
    void aPollOfOneRendersItAlone() {
        ArticleApproved approved = RenderArticleBindingTest.sealed(RenderArticleBindingTest.approved("Walking."));

        renderArticle.accept(poll(List.of(approved), 0));

        assertThat(sent)
                .singleElement()
                .satisfies(message ->
                        assertThat(message.getPayload().getArticleId()).isEqualTo("art-7"));
        assertThat(deadLettered).isEmpty();
    }

    private static ArticleApproved unsigned(ArticleApproved approved) {
        approved.setSignature(null);
        return approved;
    }

    /** A poll as the batch-mode binding delivers it: payloads and Kafka's metadata as lists. */
    static Message<Object> poll(List<ArticleApproved> approvals, long firstOffset) {
        List<Object> payloads = new ArrayList<>(approvals);
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < approvals.size(); i++) {
            topics.add(Topics.APPROVED);
            partitions.add(0);
            offsets.add(firstOffset + i);
            keys.add(approvals.get(i).getArticleId());
        }
        return MessageBuilder.withPayload((Object) payloads)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .build();
    }
}
