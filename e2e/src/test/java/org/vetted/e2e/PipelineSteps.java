package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;
import org.vetted.stack.ServiceFleet;
import tools.jackson.databind.JsonNode;

/**
 * The steps of the scenarios, as a writer and a reviewer take them, over a running {@link Pipeline}. The scenario
 * interfaces extend this one, and {@link PipelineScenarios} runs them all on one broker.
 */
interface PipelineSteps {
    Duration PIPELINE = Duration.ofSeconds(60);
    /** The local profile's demo keys: what review, rendering and distribution sign with in these scenarios. */
    Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);

    Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);
    Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    Pipeline pipeline();

    /** Replicas per topic the services were configured with; 1 on one broker. */
    int replicationFactor();

    default JsonNode submit(String writer, String fixture, String articleId) {
        Http.Response response = journeys().submit(writer, fixture(fixture), articleId);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    default JsonNode awaitUnderReview(String articleId, int revision) {
        return awaitUnderReview("rita", articleId, revision);
    }

    /** The article's review as {@code reviewer} sees it, once it shows {@code revision}. */
    default JsonNode awaitUnderReview(String reviewer, String articleId, int revision) {
        return await().atMost(PIPELINE)
                .until(
                        () -> journeys().underReview(reviewer, articleId),
                        response -> response.status() == 200
                                && response.json().path("revision").asInt() == revision)
                .json();
    }

    /** Every claim approved by {@code reviewer}, and each high-risk one (four eyes) by a second reviewer too. */
    default void approveEveryClaim(String reviewer, String articleId, JsonNode underReview) {
        String second = Journeys.secondReviewer(reviewer);
        for (JsonNode claim : elements(underReview.path("claims"))) {
            decide(reviewer, articleId, underReview, claim.path("id").asString(), "APPROVED");
            if (claim.path("approvalsNeeded").asInt() == 2) {
                decide(second, articleId, underReview, claim.path("id").asString(), "APPROVED");
            }
        }
    }

    /**
     * Revision {@code revision} once under review, every claim approved by {@code reviewer} (and a second reviewer on
     * the four-eyes ones) and signed off by {@code reviewer}: the review as it stood before the sign-off.
     */
    default JsonNode approveAndSignOff(String reviewer, String articleId, int revision) {
        JsonNode underReview = awaitUnderReview(articleId, revision);
        approveEveryClaim(reviewer, articleId, underReview);
        Http.Response approved = signOff(
                reviewer, articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return underReview;
    }

    default void decide(String reviewer, String articleId, JsonNode underReview, String claimId, String decision) {
        Http.Response response = decideResponse(reviewer, articleId, underReview, claimId, decision);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** A claim decision names the revision it was made on, so it can never land on a later text. */
    default Http.Response decideResponse(
            String reviewer, String articleId, JsonNode underReview, String claimId, String decision) {
        return journeys()
                .decide(reviewer, articleId, underReview.path("revision").asInt(), claimId, decision);
    }

    default Http.Response signOff(String reviewer, String articleId, String decision, String contentHash) {
        return journeys().signOff(reviewer, articleId, decision, contentHash);
    }

    default ArticlePublished awaitPublished(String articleId, int revision) {
        return await().atMost(PIPELINE)
                .until(
                        () -> kafka().recordsFor(Topics.PUBLISHED, articleId).stream()
                                .map(record -> EventCatalog.standard().decode(record.value()))
                                // The public topic also holds the article's withdrawals.
                                .filter(ArticlePublished.class::isInstance)
                                .map(ArticlePublished.class::cast)
                                .filter(event -> event.getRevision() == revision)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** A publication as distribution would issue it, signed with the demo key ({@code sealed}) or forged. */
    static ArticlePublished publication(String articleId, String slug, boolean sealed) {
        Instant now = Instant.now();
        ArticlePublished published = ArticlePublished.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(slug)
                .setTitle("Sleep and Screens")
                .setSummary("Blue light in the evening may delay sleep onset.")
                .setHtml("<p>Blue light in the evening may delay sleep onset.</p>")
                .setUrl(null)
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of())
                .setMedicallyReviewedBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setMedicallyReviewedAt(now)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(
                        articleId,
                        "Sleep and Screens",
                        null,
                        "Blue light in the evening may delay sleep onset.\n",
                        List.of(),
                        List.of())))
                .setPublishedAt(now)
                .setSeal(null)
                .build();
        if (sealed) {
            DISTRIBUTION.sign(published);
        }
        return published;
    }

    static String fixture(String name) {
        return Journeys.fixture(name);
    }

    default String intake() {
        return pipeline().intake();
    }

    default String review() {
        return pipeline().review();
    }

    default String rendering() {
        return pipeline().rendering();
    }

    default String distribution() {
        return pipeline().distribution();
    }

    default KafkaProbe kafka() {
        return pipeline().kafka();
    }

    default ServiceFleet fleet() {
        return pipeline().fleet();
    }

    default Journeys journeys() {
        return pipeline().journeys();
    }
}
