package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleUnpublished;
import tools.jackson.databind.JsonNode;

/**
 * After approval, on a real broker: a published article corrected (the note reaches the page, both feeds and the
 * public topic), and embargoed articles that go public at their time, not before, unless taken down first.
 */
interface LifecycleScenarios extends PipelineSteps {
    /** What a downstream site verifies the public topic's records with: the trusted public keys alone. */
    Signatures SITE = new Signatures(null, DemoKeys.trusted());

    @Test
    default void aCorrectionReachesThePageBothFeedsAndThePublicTopicAsArticleCorrected(@TempDir Path site)
            throws Exception {
        try (Downstream.Receiver receiver =
                Downstream.subscribe(distribution(), List.of("article.published", "article.corrected"))) {
            correctAnArticle(receiver, site);
        }
    }

    private void correctAnArticle(Downstream.Receiver receiver, Path site) throws Exception {
        String body = "Ginger may ease mild nausea in some adults.\n\nMost people tolerate small amounts of ginger.\n";
        JsonNode first = submitMarkdown("wanda", null, "---\ntitle: Can Ginger Ease Nausea?\n---\n" + body);
        String articleId = first.path("articleId").asString();

        // A correction note on an article never published is refused, naming the field.
        Http.Response early = postMarkdown(
                "wanda", articleId, "---\ntitle: Can Ginger Ease Nausea?\ncorrection: Fixed a dose.\n---\n" + body);
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().path("errors").get(0).path("field").asString()).isEqualTo("correction");

        approve(articleId, 1);
        ArticlePublished published = awaitPublished(articleId, 1);
        // Intake learns of the publication from the public topic.
        await().atMost(PIPELINE)
                .until(() -> Http.get(intake() + "/api/articles/" + articleId, "wanda")
                        .json()
                        .path("status")
                        .asString()
                        .equals("PUBLISHED"));

        String note = "We said ginger \"cures\" nausea in an earlier version; it may ease it.";
        JsonNode corrected = submitMarkdown(
                "wanda",
                articleId,
                "---\ntitle: Can Ginger Ease Nausea?\ncorrection: '" + note.replace("'", "''") + "\u200b'\n---\n"
                        + body);
        int revision = corrected.path("revision").asInt();
        approve(articleId, revision);

        ConsumerRecord<String, byte[]> record = await().atMost(PIPELINE)
                .until(
                        () -> kafka().recordsFor(Topics.PUBLISHED, articleId).stream()
                                .filter(r -> EventCatalog.standard().decode(r.value()) instanceof ArticleCorrected)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(PipelineSteps.header(record, Topics.EVENT_TYPE_HEADER)).contains("ArticleCorrected");
        assertThat(SITE.valueProblem(
                        Issuer.DISTRIBUTION,
                        PipelineSteps.header(record, Signatures.VALUE_SIGNATURE_HEADER)
                                .orElseThrow(),
                        record.value()))
                .isEmpty();
        ArticleCorrected event = (ArticleCorrected) EventCatalog.standard().decode(record.value());
        assertThat(SITE.problem(event)).isEmpty();
        assertThat(event.getCorrection()).as("the invisible character is gone").isEqualTo(note);
        assertThat(event.getRevision()).isEqualTo(revision);
        assertThat(event.getCorrectedAt()).isAfterOrEqualTo(published.getPublishedAt());

        String page = distribution() + "/articles/" + published.getSlug();
        String escaped = note.replace("\"", "&quot;");
        await().atMost(PIPELINE)
                .untilAsserted(() -> assertThat(Http.get(page, null).body())
                        .contains("Corrections")
                        .containsAnyOf(note, escaped));
        assertThat(PipelineSteps.elements(Http.get(distribution() + "/feed.json", null)
                                .json()
                                .path("items"))
                        .stream()
                        .filter(item -> item.toString().contains(published.getSlug()))
                        .findFirst()
                        .orElseThrow()
                        .toString())
                .contains("_corrections")
                .contains("ginger \\\"cures\\\" nausea")
                .as("no invisible character reaches the feed, raw or escaped")
                .doesNotContain("\u200b")
                .doesNotContain("\\u200b");
        assertThat(Http.get(distribution() + "/feed.atom", null).body()).contains("Corrected");

        // A webhook receiver got the publication and the correction, each once per webhook-id, signed.
        List<Downstream.Delivery> hooks = receiver.awaitTypes(articleId, "article.published", "article.corrected");
        assertThat(hooks).extracting(Downstream.Delivery::type).containsOnlyOnce("article.corrected");
        assertThat(hooks.stream()
                        .filter(hook -> hook.type().equals("article.corrected"))
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .path("data")
                        .path("correction")
                        .asString())
                .isEqualTo(note);
        // The example site shows the note on the article's page.
        assertThat(Downstream.buildSite(distribution(), kafka().bootstrapServers(), site)
                        .apply(published.getSlug()))
                .contains("Corrections")
                .contains("in an earlier version; it may ease it.")
                .doesNotContain("\u200b");
    }

    @TopologyIndependent
    @Test
    default void anEmbargoedArticleAppearsOnlyAtItsTimeAndOneTakenDownBeforeItsTimeNeverDoes(@TempDir Path site)
            throws Exception {
        try (Downstream.Receiver receiver = Downstream.subscribe(
                distribution(), List.of("article.published", "article.corrected", "article.unpublished"))) {
            embargoes(receiver, site);
        }
    }

    /**
     * Three embargoed articles: one taken down before its time, one whose claim relies on a library entry retired
     * before its time, and one that goes public at its time; the first two never reach the topic, the site or a hook.
     */
    private void embargoes(Downstream.Receiver receiver, Path site) throws Exception {
        // Approvals take a few seconds here: the times are far enough ahead to be approved before them.
        Instant publishAt = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        String takenDown = submitMarkdown(
                        "wanda",
                        null,
                        embargoed("Does Chamomile Help Sleep?", publishAt, "Chamomile tea may help some adults relax."))
                .path("articleId")
                .asString();
        String embargoed = submitMarkdown(
                        "wanda",
                        null,
                        embargoed(
                                "Does Peppermint Ease Bloating?",
                                publishAt.plusSeconds(1),
                                "Peppermint oil may ease bloating in some adults."))
                .path("articleId")
                .asString();
        // An embargo already past is refused at the door.
        Http.Response past = postMarkdown(
                "wanda", null, embargoed("Late news", Instant.now().minusSeconds(60), "Walking may help."));
        assertThat(past.status()).as(past.body()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("publishAt");

        approve(takenDown, 1);
        approve(embargoed, 1);
        // The takenDown article's approved claim is now a library entry; a third article relies on it, due first.
        String sentence = "Chamomile tea may help some adults relax.";
        String reliant = submitMarkdown(
                        "walter", null, embargoed("Chamomile at Bedtime", publishAt.minusSeconds(1), sentence))
                .path("articleId")
                .asString();
        awaitUnderReview(reliant, 1);
        // The library learns of the approval from its own topic: wait until the entry is offered.
        JsonNode reliantReview = await().atMost(PIPELINE)
                .until(
                        () -> Http.get(review() + "/api/reviews/" + reliant, "paul")
                                .json(),
                        review -> offer(review, sentence) != null);
        JsonNode offered = offer(reliantReview, sentence);
        String key = offered.path("library").path("key").asString();
        assertThat(key).startsWith("lib-");
        Http.Response accepted = Http.postJson(
                review() + "/api/reviews/" + reliant + "/claims/"
                        + offered.path("id").asString() + "/accept-library",
                "paul",
                Map.of("revision", 1));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Http.Response signed = signOff(
                "paul", reliant, "APPROVE", reliantReview.path("contentHash").asString());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        for (String articleId : List.of(takenDown, embargoed, reliant)) {
            await().atMost(PIPELINE)
                    .until(() -> !kafka().recordsFor(Topics.RENDERED, articleId).isEmpty());
        }
        Http.Response retired = Http.postJson(
                review() + "/api/claims/" + key + "/retire", "rita", Map.of("reason", "The trial was retracted."));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        Http.Response takedown = Http.postJson(
                review() + "/api/reviews/" + takenDown + "/takedown", "rita", Map.of("reason", "Legal request."));
        assertThat(takedown.status()).as(takedown.body()).isEqualTo(201);
        await().atMost(PIPELINE)
                .until(() -> kafka().recordsFor(Topics.PUBLISHED, takenDown).stream()
                        .anyMatch(r -> EventCatalog.standard().decode(r.value()) instanceof ArticleUnpublished));
        assertThat(Instant.now())
                .as("the scenario must reach this point before the embargo; raise the 20 s if this machine is slow")
                .isBefore(publishAt);
        assertThat(kafka().recordsFor(Topics.PUBLISHED, embargoed))
                .as("nothing public before its time")
                .isEmpty();
        assertThat(Http.get(distribution() + "/feed.json", null).body()).doesNotContain("Peppermint");
        assertThat(Http.get(distribution() + "/sitemaps/articles-1.xml", null).body())
                .doesNotContain("peppermint");

        ArticlePublished published = awaitPublished(embargoed, 1);
        assertThat(published.getPublishedAt()).isAfterOrEqualTo(publishAt.plusSeconds(1));
        assertThat(published.getPublishAt()).isEqualTo(publishAt.plusSeconds(1));
        await().atMost(PIPELINE)
                .until(() -> Http.get(distribution() + "/articles/" + published.getSlug(), null)
                                .status()
                        == 200);
        // Held ones are released in the order of their times: the one taken down was due first, and stayed unpublished.
        assertThat(kafka().recordsFor(Topics.PUBLISHED, takenDown).stream()
                        .map(r -> EventCatalog.standard().decode(r.value()))
                        .filter(ArticlePublished.class::isInstance)
                        .toList())
                .isEmpty();
        assertThat(Http.get(distribution() + "/feed.json", null).body()).doesNotContain("Chamomile");
        // The one relying on the retired entry was due before the released one: cancelled, never public.
        assertThat(kafka().recordsFor(Topics.PUBLISHED, reliant)).isEmpty();
        assertThat(Http.get(distribution() + "/sitemaps/articles-1.xml", null).body())
                .doesNotContain("chamomile");

        // The example site and the webhook receiver see the released one only, once per webhook-id, signed.
        assertThat(receiver.awaitTypes(embargoed, "article.published"))
                .extracting(Downstream.Delivery::type)
                .containsOnlyOnce("article.published");
        // The takedown itself is announced (sites drop anything they hold); its publication never is.
        assertThat(receiver.types(takenDown)).doesNotContain("article.published");
        assertThat(receiver.types(reliant)).isEmpty();
        var pages = Downstream.buildSite(distribution(), kafka().bootstrapServers(), site);
        assertThat(pages.apply(published.getSlug())).contains("Peppermint oil may ease bloating");
        assertThat(Files.readString(site.resolve("index.html"))).doesNotContain("Chamomile");
    }

    private static JsonNode offer(JsonNode review, String sentence) {
        return PipelineSteps.elements(review.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(sentence))
                .filter(claim -> claim.path("library").path("key").asString().startsWith("lib-"))
                .findFirst()
                .orElse(null);
    }

    private static String embargoed(String title, Instant publishAt, String text) {
        String at = OffsetDateTime.ofInstant(publishAt, ZoneOffset.ofHours(1)).toString();
        return "---\ntitle: " + title + "\npublishAt: " + at + "\n---\n" + text + "\n";
    }

    private void approve(String articleId, int revision) {
        approveAndSignOff("rita", articleId, revision);
    }

    private JsonNode submitMarkdown(String writer, String articleId, String markdown) {
        Http.Response response = postMarkdown(writer, articleId, markdown);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private Http.Response postMarkdown(String writer, String articleId, String markdown) {
        return Http.post(
                intake() + "/api/drafts" + (articleId == null ? "" : "?articleId=" + articleId),
                writer,
                "text/markdown; charset=UTF-8",
                markdown);
    }
}
