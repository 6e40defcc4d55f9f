package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.PipelineSteps.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.e2e.Downstream.Delivery;

/**
 * Signed webhooks on the real broker: an editor subscribes a receiver on loopback ({@link Downstream.Receiver}; the
 * local profile allows it), a publication on the public topic reaches it once per webhook-id (retried after a
 * failure, with the same id) with a signature the receiver verifies knowing only the secret; a forged record on the
 * topic never reaches it.
 */
interface WebhookScenarios extends PipelineSteps {

    @TopologyIndependent
    @Test
    default void aSubscriberOnLoopbackReceivesThePublishedArticleOncePerWebhookIdSigned() throws Exception {
        // The first attempt fails after the receiver got it: the retry must carry the same webhook-id.
        try (Downstream.Receiver receiver = Downstream.subscribe(distribution(), List.of("article.published"), 1)) {
            // A writer may not subscribe.
            assertThat(Http.postJson(distribution() + "/api/subscriptions", "wanda", Map.of())
                            .status())
                    .isEqualTo(403);

            String articleId = "webhook-" + UUID.randomUUID();
            kafka().sendRaw(
                            Topics.PUBLISHED,
                            articleId,
                            EventCatalog.standard().encode(publication(articleId, articleId + "-forged", false)));
            kafka().sendRaw(
                            Topics.PUBLISHED,
                            articleId,
                            EventCatalog.standard().encode(publication(articleId, articleId + "-sealed", true)));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.forArticle(articleId).size() >= 2);

            // Each signature verified and the id accepted once (forArticle checks both).
            List<Delivery> received = receiver.forArticle(articleId);
            assertThat(received).extracting(Delivery::accepted).containsExactly(false, true);
            assertThat(Set.copyOf(received.stream().map(Delivery::id).toList()))
                    .singleElement()
                    .asString()
                    .startsWith("msg_");
            for (Delivery request : received) {
                assertThat(Math.abs(Instant.now().getEpochSecond() - request.timestamp()))
                        .isLessThan(300);
                assertThat(request.type()).isEqualTo("article.published");
                assertThat(request.body().path("data").path("slug").asString()).isEqualTo(articleId + "-sealed");
            }
            // A tampered body does not verify.
            Delivery first = received.get(0);
            assertThat(receiver.verifies(
                            first.id(),
                            first.timestamp(),
                            first.signature(),
                            first.raw().replace("-sealed", "-forged")))
                    .isFalse();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Http.get(
                                    distribution() + "/api/subscriptions/" + receiver.subscriptionId() + "/deliveries",
                                    "eddie")
                            .body()
                            .contains("\"DELIVERED\""));
        }
    }
}
