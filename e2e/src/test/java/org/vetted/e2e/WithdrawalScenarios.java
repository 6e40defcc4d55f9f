package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleUnpublished;
import tools.jackson.databind.JsonNode;

/** After publication, on a real broker: a reviewer retracts an article, then takes it down; every reader is told. */
interface WithdrawalScenarios extends PipelineSteps {
    /** What a downstream site verifies the public topic's records with: the trusted public keys alone. */
    Signatures READER = new Signatures(null, DemoKeys.trusted());

    @Test
    default void aPublishedArticleIsRetractedThenTakenDownAndThePublicTopicAndPagesSaySo(@TempDir Path site)
            throws Exception {
        try (Downstream.Receiver receiver = Downstream.subscribe(
                distribution(), List.of("article.published", "article.retracted", "article.unpublished"))) {
            retractThenTakeDown(receiver, site);
        }
    }

    private void retractThenTakeDown(Downstream.Receiver receiver, Path site) throws Exception {
        String articleId =
                submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        approveEveryClaim("rita", articleId, underReview);
        Http.Response approved = signOff(
                "rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(PipelineSteps.header(publicRecord(articleId, ArticlePublished.class), Topics.EVENT_TYPE_HEADER))
                .contains("ArticlePublished");
        String page = distribution() + "/articles/" + published.getSlug();
        await().atMost(PIPELINE).until(() -> Http.get(page, null).status() == 200);

        // A reason of invisible characters is blank; a writer may not withdraw.
        Http.Response blank = withdraw("rita", articleId, "retraction", "\u200b\u200b\u2060");
        assertThat(blank.status()).as(blank.body()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(withdraw("wanda", articleId, "retraction", "Mine to withdraw")
                        .status())
                .isEqualTo(403);

        Http.Response retracted = withdraw("rita", articleId, "retraction", "The zinc dose was wrong.");
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(201);
        ConsumerRecord<String, byte[]> retraction = awaitPublicRecord(articleId, ArticleRetracted.class);
        assertThat(PipelineSteps.header(retraction, Topics.EVENT_TYPE_HEADER)).contains("ArticleRetracted");
        ArticleRetracted retractedEvent =
                (ArticleRetracted) EventCatalog.standard().decode(retraction.value());
        assertThat(READER.problem(retractedEvent)).isEmpty();
        assertThat(retractedEvent.getReason()).isEqualTo("The zinc dose was wrong.");
        assertThat(retractedEvent.getDecidedBy().getUsername()).isEqualTo("rita");
        assertThat(retractedEvent.getSlug()).isEqualTo(published.getSlug());
        await().atMost(PIPELINE).untilAsserted(() -> {
            Http.Response notice = Http.get(page, null);
            assertThat(notice.status()).isEqualTo(200);
            assertThat(notice.body())
                    .contains("This article has been retracted")
                    .contains("The zinc dose was wrong.")
                    .contains("<meta name=\"robots\" content=\"noindex\">");
        });
        assertThat(Http.get(distribution() + "/", null).body())
                .doesNotContain("/articles/" + published.getSlug() + "\"");
        // The example site keeps the page, marked retracted with the reason.
        assertThat(Downstream.buildSite(distribution(), kafka().bootstrapServers(), site)
                        .apply(published.getSlug()))
                .contains("Retracted:")
                .contains("The zinc dose was wrong.");

        Http.Response takenDown = withdraw("rita", articleId, "takedown", "Legal request.");
        assertThat(takenDown.status()).as(takenDown.body()).isEqualTo(201);
        ArticleUnpublished unpublished = (ArticleUnpublished) EventCatalog.standard()
                .decode(awaitPublicRecord(articleId, ArticleUnpublished.class).value());
        assertThat(READER.problem(unpublished)).isEmpty();
        assertThat(unpublished.getReason()).isEqualTo("Legal request.");
        await().atMost(PIPELINE).until(() -> Http.get(page, null).status() == 410);
        assertThat(Http.get(distribution() + "/api/articles/" + published.getSlug(), null)
                        .status())
                .isEqualTo(410);
        assertThat(withdraw("rita", articleId, "retraction", "Back again?").status())
                .isEqualTo(409);
        // The example site removes the page; the receiver saw each step once per webhook-id, signed, in order.
        assertThat(Downstream.buildSite(distribution(), kafka().bootstrapServers(), site)
                        .apply(published.getSlug()))
                .isNull();
        List<Downstream.Delivery> hooks =
                receiver.awaitTypes(articleId, "article.published", "article.retracted", "article.unpublished");
        assertThat(hooks)
                .extracting(Downstream.Delivery::type)
                .containsOnlyOnce("article.published", "article.retracted", "article.unpublished");
        assertThat(hooks.stream()
                        .filter(hook -> hook.type().equals("article.unpublished"))
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .path("data")
                        .path("reason")
                        .asString())
                .isEqualTo("Legal request.");
    }

    private Http.Response withdraw(String user, String articleId, String action, String reason) {
        return Http.postJson(review() + "/api/reviews/" + articleId + "/" + action, user, Map.of("reason", reason));
    }

    private ConsumerRecord<String, byte[]> awaitPublicRecord(
            String articleId, Class<? extends SpecificRecordBase> type) {
        return await().atMost(PIPELINE)
                .until(() -> Optional.ofNullable(publicRecord(articleId, type)), Optional::isPresent)
                .orElseThrow();
    }

    private ConsumerRecord<String, byte[]> publicRecord(String articleId, Class<? extends SpecificRecordBase> type) {
        return kafka().recordsFor(Topics.PUBLISHED, articleId).stream()
                .filter(record -> type.isInstance(EventCatalog.standard().decode(record.value())))
                .findFirst()
                .orElse(null);
    }
}
