package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import tools.jackson.databind.JsonNode;

/**
 * Re-review on a real broker. The pipeline runs review with a short re-review interval ({@link #INTERVAL}, due
 * {@link #NOTICE} before it; {@code Pipeline} passes both), so an approved article falls due, expires, returns to the
 * review queue and is signed off again within the scenario; and retiring a claims library entry makes an article that
 * relied on it due at once.
 */
interface ReReviewScenarios extends PipelineSteps {
    /** The re-review interval and notice the pipeline's review runs with. */
    Duration INTERVAL = Duration.ofSeconds(40);

    Duration NOTICE = Duration.ofSeconds(20);

    /** What a downstream site verifies the public topic's records with: the trusted public keys alone. */
    Signatures SITE = new Signatures(null, DemoKeys.trusted());

    @TopologyIndependent
    @Test
    default void anApprovedArticleFallsDueThenExpiresReturnsToTheQueueAndIsReviewedAgain() {
        String articleId = postMarkdown(
                "wanda",
                "---\ntitle: Does Green Tea Help Focus?\n---\nGreen tea may improve alertness for a short time.\n\n"
                        + "Many people drink it in the afternoon.\n");
        JsonNode underReview = awaitUnderReview(articleId, 1);
        approveEveryClaim("rita", articleId, underReview);
        Http.Response approved = signOff(
                "rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        ArticlePublished published = awaitPublished(articleId, 1);
        String page = distribution() + "/articles/" + published.getSlug();

        ConsumerRecord<String, byte[]> dueRecord = awaitPublic(articleId, ArticleReviewDue.class);
        assertThat(PipelineSteps.header(dueRecord, Topics.EVENT_TYPE_HEADER)).contains("ArticleReviewDue");
        assertThat(SITE.valueProblem(
                        Issuer.DISTRIBUTION,
                        PipelineSteps.header(dueRecord, Signatures.VALUE_SIGNATURE_HEADER)
                                .orElseThrow(),
                        dueRecord.value()))
                .isEmpty();
        ArticleReviewDue due = (ArticleReviewDue) EventCatalog.standard().decode(dueRecord.value());
        assertThat(SITE.problem(due)).isEmpty();
        assertThat(due.getLastReviewedAt()).isEqualTo(published.getMedicallyReviewedAt());
        assertThat(due.getReviewBy())
                .isEqualTo(published.getMedicallyReviewedAt().plus(INTERVAL));

        ConsumerRecord<String, byte[]> expiredRecord = awaitPublic(articleId, ArticleReviewExpired.class);
        assertThat(PipelineSteps.header(expiredRecord, Topics.EVENT_TYPE_HEADER))
                .contains("ArticleReviewExpired");
        ArticleReviewExpired expired =
                (ArticleReviewExpired) EventCatalog.standard().decode(expiredRecord.value());
        assertThat(SITE.problem(expired)).isEmpty();
        assertThat(expired.getLastReviewedAt()).isEqualTo(published.getMedicallyReviewedAt());
        assertThat(kafka().recordsFor(Topics.PUBLISHED, articleId))
                .extracting(record ->
                        PipelineSteps.header(record, Topics.EVENT_TYPE_HEADER).orElse(""))
                .as("each fired once, in order")
                .containsExactly("ArticlePublished", "ArticleReviewDue", "ArticleReviewExpired");

        await().atMost(PIPELINE).untilAsserted(() -> {
            Http.Response overdue = Http.get(page, null);
            assertThat(overdue.status()).isEqualTo(200);
            assertThat(overdue.body()).contains("Medical review overdue").contains("Last reviewed");
        });
        // Back in review's queue, with the published text: its decisions stand, so it can be signed off again.
        JsonNode reopened = await().atMost(PIPELINE)
                .until(
                        () -> Http.get(review() + "/api/reviews/" + articleId, "rita")
                                .json(),
                        review -> "OPEN".equals(review.path("status").asString()));
        assertThat(reopened.path("contentHash").asString()).isEqualTo(published.getContentHash());
        assertThat(Http.get(
                                review() + "/api/reviews?q=" + URLEncoder.encode("Green Tea", StandardCharsets.UTF_8)
                                        + "&limit=100",
                                "rita")
                        .json()
                        .path("items")
                        .toString())
                .contains(articleId);

        Http.Response again = signOff(
                "paul", articleId, "APPROVE", reopened.path("contentHash").asString());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        ArticlePublished reviewedAgain = await().atMost(PIPELINE)
                .until(
                        () -> publications(articleId).stream()
                                .filter(event ->
                                        event.getMedicallyReviewedAt().isAfter(published.getMedicallyReviewedAt()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(reviewedAgain.getContentHash()).isEqualTo(published.getContentHash());
        await().atMost(PIPELINE)
                .untilAsserted(() -> assertThat(Http.get(page, null).body())
                        .doesNotContain("Medical review overdue")
                        .contains("Last reviewed"));
    }

    @TopologyIndependent
    @Test
    default void retiringALibraryEntryMakesAnArticleThatReliedOnItDueAtOnceNamingTheEntry() {
        String sentence = "Cold water swimming may reduce fatigue in healthy adults.";
        String first = postMarkdown("wanda", "---\ntitle: Cold Water Swimming\n---\n" + sentence + "\n");
        approveAndSignOff("rita", first, 1);
        awaitPublished(first, 1);

        String second = postMarkdown("walter", "---\ntitle: Winter Swims\n---\n" + sentence + "\n");
        JsonNode secondReview = awaitUnderReview(second, 1);
        JsonNode offered = PipelineSteps.elements(secondReview.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(sentence))
                .findFirst()
                .orElseThrow();
        String key = offered.path("library").path("key").asString();
        assertThat(key).startsWith("lib-");
        Http.Response accepted = Http.postJson(
                review() + "/api/reviews/" + second + "/claims/"
                        + offered.path("id").asString() + "/accept-library",
                "paul",
                Map.of("revision", 1));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(signOff(
                                "paul",
                                second,
                                "APPROVE",
                                secondReview.path("contentHash").asString())
                        .status())
                .isEqualTo(200);
        awaitPublished(second, 1);

        Http.Response retired = Http.postJson(
                review() + "/api/claims/" + key + "/retire", "rita", Map.of("reason", "The trial was retracted."));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);

        ArticleReviewDue due = (ArticleReviewDue) EventCatalog.standard()
                .decode(awaitPublic(second, ArticleReviewDue.class).value());
        assertThat(SITE.problem(due)).isEmpty();
        assertThat(due.getLibraryKey()).isEqualTo(key);
        assertThat(due.getReason()).contains(key).contains("The trial was retracted.");
        assertThat(due.getDueAt()).isBefore(due.getReviewBy().minus(NOTICE).minusSeconds(1));
        // The first article's claim was the reviewer's own decision, not the library's: not made due by it.
        assertThat(kafka().recordsFor(Topics.PUBLISHED, first).stream()
                        .map(record -> EventCatalog.standard().decode(record.value()))
                        .filter(ArticleReviewDue.class::isInstance)
                        .map(ArticleReviewDue.class::cast)
                        .filter(event -> key.equals(event.getLibraryKey())))
                .isEmpty();
    }

    private String postMarkdown(String writer, String markdown) {
        Http.Response response = Http.post(intake() + "/api/drafts", writer, "text/markdown; charset=UTF-8", markdown);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("articleId").asString();
    }

    private List<ArticlePublished> publications(String articleId) {
        return kafka().recordsFor(Topics.PUBLISHED, articleId).stream()
                .map(record -> EventCatalog.standard().decode(record.value()))
                .filter(ArticlePublished.class::isInstance)
                .map(ArticlePublished.class::cast)
                .toList();
    }

    private ConsumerRecord<String, byte[]> awaitPublic(String articleId, Class<? extends SpecificRecordBase> type) {
        return await().atMost(PIPELINE.plus(INTERVAL))
                .until(
                        () -> kafka().recordsFor(Topics.PUBLISHED, articleId).stream()
                                .filter(record ->
                                        type.isInstance(EventCatalog.standard().decode(record.value())))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
