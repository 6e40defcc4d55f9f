package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.Scale.freePort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.Reviewer;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole journey on a real broker, through the four shipped service jars: a writer's paste, medical review,
 * rendering, publication, and the ways it must refuse. Subclasses supply the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineScenarios {
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    /** The local profile's demo keys: what review, rendering and distribution sign with in these scenarios. */
    private static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);
    private static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    private ServiceFleet fleet;
    private PostgresServer database;
    private KafkaProbe kafka;
    private Journeys journeys;
    private String intake;
    private String review;
    private String rendering;
    private String distribution;

    /** Starts the four services against {@code bootstrapServers}; call from the subclass's @BeforeAll. */
    void startServices(String bootstrapServers) throws Exception {
        startServices(bootstrapServers, List.of());
    }

    /** As {@link #startServices(String)}, with Spring properties of the cluster (its replication). */
    void startServices(String bootstrapServers, List<String> clusterArgs) throws Exception {
        List<ServiceFleet.Service> services = new ArrayList<>();
        for (String name : List.of("intake", "review", "rendering", "distribution")) {
            services.add(new ServiceFleet.Service(name, freePort()));
        }
        intake = services.get(0).baseUrl();
        review = services.get(1).baseUrl();
        rendering = services.get(2).baseUrl();
        distribution = services.get(3).baseUrl();
        kafka = new KafkaProbe(bootstrapServers);
        journeys = new Journeys(intake, review);
        Path logs = Path.of(System.getProperty("vetted.logs.dir", "target/service-logs"), getClass().getSimpleName());
        // A new data directory per run: the projection must be built from this broker's log alone.
        Path pgData = Path.of("target", "postgres", getClass().getSimpleName() + "-" + System.currentTimeMillis());
        database = new PostgresServer(pgData, freePort()).start(ServiceFleet.DATABASES);
        fleet = new ServiceFleet(services).withDatabase(database);
        List<String> args = new ArrayList<>(clusterArgs);
        args.addAll(List.of("--spring.profiles.active=local", "--vetted.public-base-url=" + distribution));
        fleet.start(Path.of(System.getProperty("vetted.services.dir", "../services")), bootstrapServers, args, logs);
        fleet.awaitHealthy(Duration.ofMinutes(5));
    }

    /** Stops the services; call from the subclass's @AfterAll before stopping the broker. */
    void stopServices() {
        if (fleet != null) {
            fleet.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Replicas per topic the services were configured with; 1 on one broker. */
    int replicationFactor() {
        return 1;
    }

    @Test
    void everyTopicIsKeptForeverWithTheClustersReplication() {
        int minInsync = Math.max(1, replicationFactor() - 1);
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.deadLetter(Topics.APPROVED, "rendering"));
        topics.add(Topics.deadLetter(Topics.DRAFT_SUBMITTED, "review"));
        for (String topic : topics) {
            assertThat(kafka.topicConfig(topic, "retention.ms")).as(topic).isEqualTo("-1");
            assertThat(kafka.topicConfig(topic, "cleanup.policy")).as(topic).isEqualTo("delete");
            assertThat(kafka.topicConfig(topic, "min.insync.replicas")).as(topic).isEqualTo(Integer.toString(minInsync));
            assertThat(kafka.replicas(topic)).as(topic).isEqualTo(replicationFactor());
        }
        assertThat(kafka.topicConfig(Topics.CLAIMS_LIBRARY, "cleanup.policy")).isEqualTo("compact");
        assertThat(kafka.replicas(Topics.CLAIMS_LIBRARY)).isEqualTo(replicationFactor());
    }

    @Test
    void aWritersPastedDraftIsReviewedRenderedAndPublished() {
        JsonNode submitted = submit("wanda", "zinc-and-colds.txt", null);
        String articleId = submitted.path("articleId").asString();
        assertThat(submitted.path("claims").size()).as("claims found in the paste").isGreaterThanOrEqualTo(3);
        assertThat(submitted.path("warnings").toString()).contains("Leave a Reply").contains("Brennan");

        JsonNode underReview = awaitUnderReview(articleId, 1);
        approveEveryClaim("rita", articleId, underReview);
        Http.Response signed = signOff("rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getContentHash()).isEqualTo(submitted.path("contentHash").asString());
        assertThat(published.getTitle()).isEqualTo("Can Zinc Shorten a Common Cold?");
        assertThat(published.getMedicallyReviewedBy().getCredential()).isEqualTo("MD");
        assertThat(published.getHtml()).contains("Medically reviewed by Rita Reyes, MD").doesNotContain("Leave a Reply");

        Http.Response page = Http.get(distribution + "/articles/" + published.getSlug(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Can Zinc Shorten a Common Cold?").contains("Medically reviewed by Rita Reyes, MD");
        JsonNode feed = Http.get(distribution + "/feed.json", null).json();
        assertThat(feed.path("items").toString()).contains(distribution + "/articles/" + published.getSlug());

        await().atMost(PIPELINE).untilAsserted(() -> assertThat(
                Http.get(intake + "/api/articles/" + articleId, "wanda").json().path("status").asString())
                .isEqualTo("PUBLISHED"));
    }

    @Test
    void anArticleWithAClaimNotApprovedNeverReachesThePublishedTopic() {
        String articleId = submit("walter", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        List<JsonNode> claims = elements(underReview.path("claims"));
        decide("rita", articleId, underReview, claims.get(0).path("id").asString(), "REJECTED");
        for (JsonNode claim : claims.subList(1, claims.size())) {
            decide("rita", articleId, underReview, claim.path("id").asString(), "APPROVED");
        }

        Http.Response approve = signOff("rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.contentType()).startsWith("application/problem+json");
        assertThat(signOff("rita", articleId, "REQUEST_CHANGES", underReview.path("contentHash").asString()).status())
                .isEqualTo(200);

        await().atMost(PIPELINE).untilAsserted(() -> assertThat(
                Http.get(intake + "/api/articles/" + articleId, "walter").json().path("status").asString())
                .isEqualTo("CHANGES_REQUESTED"));
        // The only road to publication is an approval: neither topic holds anything for this article.
        assertThat(kafka.recordsFor(Topics.APPROVED, articleId)).isEmpty();
        assertThat(kafka.recordsFor(Topics.PUBLISHED, articleId)).isEmpty();
    }

    @Test
    void aWriterCannotApproveAndAReviewerCannotApproveTheirOwnArticle() {
        String wandasArticle = submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(wandasArticle, 1);
        String claimId = underReview.path("claims").path(0).path("id").asString();
        assertThat(decideResponse("wanda", wandasArticle, underReview, claimId, "APPROVED").status()).isEqualTo(403);
        assertThat(signOff("wanda", wandasArticle, "APPROVE", underReview.path("contentHash").asString()).status())
                .isEqualTo(403);

        String danasArticle = submit("dana", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode danas = awaitUnderReview(danasArticle, 1);
        assertThat(decideResponse("dana", danasArticle, danas, danas.path("claims").path(0).path("id").asString(),
                "APPROVED").status()).isEqualTo(403);
        assertThat(signOff("dana", danasArticle, "APPROVE", danas.path("contentHash").asString()).status()).isEqualTo(403);
        assertThat(kafka.recordsFor(Topics.APPROVED, wandasArticle)).isEmpty();
        assertThat(kafka.recordsFor(Topics.APPROVED, danasArticle)).isEmpty();
    }

    @Test
    void anEditAfterApprovalNeedsANewApproval() {
        JsonNode first = submit("wanda", "zinc-and-colds.txt", null);
        String articleId = first.path("articleId").asString();
        JsonNode revision1 = awaitUnderReview(articleId, 1);
        approveEveryClaim("paul", articleId, revision1);
        assertThat(signOff("paul", articleId, "APPROVE", revision1.path("contentHash").asString()).status()).isEqualTo(200);
        awaitPublished(articleId, 1);

        JsonNode second = submit("wanda", "zinc-and-colds-revised.txt", articleId);
        assertThat(second.path("revision").asInt()).isEqualTo(2);
        assertThat(second.path("contentHash").asString()).isNotEqualTo(first.path("contentHash").asString());
        JsonNode revision2 = awaitUnderReview(articleId, 2);

        // Unchanged claims carry their approval over; the changed ones are open, so the sign-off waits for them, and
        // a sign-off naming revision 1's hash is refused.
        assertThat(elements(revision2.path("claims"))).anyMatch(claim -> claim.path("open").asBoolean());
        assertThat(signOff("paul", articleId, "APPROVE", revision2.path("contentHash").asString()).status()).isEqualTo(409);
        approveEveryClaim("paul", articleId, revision2);
        assertThat(signOff("paul", articleId, "APPROVE", first.path("contentHash").asString()).status()).isEqualTo(409);
        assertThat(signOff("paul", articleId, "APPROVE", revision2.path("contentHash").asString()).status()).isEqualTo(200);

        ArticlePublished republished = awaitPublished(articleId, 2);
        assertThat(republished.getContentHash()).isEqualTo(second.path("contentHash").asString());
        assertThat(republished.getHtml()).contains("by about one day");
    }

    /**
     * Materiality: a revision that fixes a typo, rewords one claim and strengthens the hedge of another reopens
     * exactly those two; every other approval carries over, and deciding the two is enough to publish revision 2.
     */
    @Test
    void aRevisionReopensOnlyTheRewordedAndTheStrengthenedClaim() {
        String v1 = fixture("walking-and-mood.md");
        Http.Response first = Http.post(intake + "/api/drafts", "wanda", "text/markdown; charset=UTF-8", v1);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String articleId = first.json().path("articleId").asString();
        JsonNode revision1 = awaitUnderReview(articleId, 1);
        String hedged = "Regular walking may help reduce symptoms of mild depression.";
        String reworded = "Walking outdoors is thought to improve sleep quality.";
        assertThat(elements(revision1.path("claims"))).extracting(claim -> claim.path("text").asString())
                .as("claims found in revision 1").contains(hedged, reworded).hasSizeGreaterThanOrEqualTo(3)
                .as("the sentence with the typo is no claim").noneMatch(text -> text.contains("thier"));
        approveEveryClaim("rita", articleId, revision1);
        assertThat(signOff("rita", articleId, "APPROVE", revision1.path("contentHash").asString()).status())
                .isEqualTo(200);
        awaitPublished(articleId, 1);

        String v2 = v1.replace("thier", "their")
                .replace(hedged, "Regular walking reduces symptoms of mild depression.")
                .replace(reworded, "Walking outdoors is thought to improve how well you sleep.");
        Http.Response second = Http.post(intake + "/api/drafts?articleId=" + articleId, "wanda",
                "text/markdown; charset=UTF-8", v2);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        JsonNode revision2 = awaitUnderReview(articleId, 2);

        List<JsonNode> open = elements(revision2.path("claims")).stream()
                .filter(claim -> claim.path("open").asBoolean()).toList();
        assertThat(open).extracting(claim -> claim.path("text").asString()).containsExactlyInAnyOrder(
                "Regular walking reduces symptoms of mild depression.",
                "Walking outdoors is thought to improve how well you sleep.");
        assertThat(open).anySatisfy(claim -> assertThat(claim.path("drift").path("kind").asString())
                .isEqualTo("HEDGE_REMOVED"));
        assertThat(elements(revision2.path("claims"))).filteredOn(claim -> !claim.path("open").asBoolean())
                .isNotEmpty()
                .allSatisfy(claim -> {
                    assertThat(claim.path("carriedOver").path("fromRevision").asInt()).isEqualTo(1);
                    assertThat(claim.path("carriedOver").path("decision").path("decision").asString())
                            .isEqualTo("APPROVED");
                });
        assertThat(signOff("rita", articleId, "APPROVE", revision2.path("contentHash").asString()).status())
                .as("two claims still open").isEqualTo(409);

        for (JsonNode claim : open) {
            decide("rita", articleId, revision2, claim.path("id").asString(), "APPROVED");
        }
        assertThat(signOff("rita", articleId, "APPROVE", revision2.path("contentHash").asString()).status())
                .isEqualTo(200);
        ArticlePublished published = awaitPublished(articleId, 2);
        assertThat(published.getHtml()).contains("reduces symptoms of mild depression").contains("their questions");
    }

    /**
     * The claims library: a claim approved with its reference enters claims.library (compacted, signed, committed
     * with the approval); the same sentence in another article is offered with that reference and accepted with
     * one action; retiring the entry reopens the claim in an article not yet approved.
     */
    @Test
    void anApprovedClaimIsOfferedFromTheLibraryWithItsReferenceAndRetiringItReopensTheClaim() {
        String sentence = "Tai chi may improve balance in older adults.";
        String doi = "doi:10.1000/e2e.taichi.2024";
        String first = postMarkdown("wanda", "---\ntitle: Can Tai Chi Keep You Steady?\n---\n" + sentence
                + "\n\nClasses meet in many community centres.\n");
        JsonNode underReview = awaitUnderReview(first, 1);
        String claimId = claimWithText(underReview, sentence).path("id").asString();
        approveEveryClaim("rita", first, underReview);
        Http.Response withDoi = Http.postJson(review + "/api/reviews/" + first + "/claims/" + claimId, "rita",
                Map.of("decision", "APPROVED", "reference", doi, "revision", 1));
        assertThat(withDoi.status()).as(withDoi.body()).isEqualTo(200);
        assertThat(signOff("rita", first, "APPROVE", underReview.path("contentHash").asString()).status())
                .isEqualTo(200);
        awaitPublished(first, 1);

        JsonNode entry = await().atMost(PIPELINE).until(
                () -> Http.get(review + "/api/claims?query=tai%20chi%20balance", "paul").json(),
                found -> found.size() == 1).get(0);
        String key = entry.path("key").asString();
        assertThat(entry.path("references").toString()).contains(doi);
        assertThat(entry.path("reviewer").path("username").asString()).isEqualTo("rita");
        assertThat(kafka.recordsFor(Topics.CLAIMS_LIBRARY, key)).as("committed on claims.library").isNotEmpty();
        assertThat(kafka.topicConfig(Topics.CLAIMS_LIBRARY, "cleanup.policy")).isEqualTo("compact");

        // The same sentence in another article: offered with its reference, accepted with one action.
        String second = postMarkdown("walter", "---\ntitle: Balance Training After Sixty\n---\n" + sentence + "\n");
        JsonNode secondReview = awaitUnderReview(second, 1);
        JsonNode offered = claimWithText(secondReview, sentence);
        assertThat(offered.path("library").path("key").asString()).isEqualTo(key);
        assertThat(offered.path("library").path("references").toString()).contains(doi);
        Http.Response accepted = Http.postJson(review + "/api/reviews/" + second + "/claims/"
                + offered.path("id").asString() + "/accept-library", "paul", Map.of("revision", 1));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode afterAccept = claimWithText(Http.get(review + "/api/reviews/" + second, "paul").json(), sentence);
        assertThat(afterAccept.path("open").asBoolean()).isFalse();
        assertThat(afterAccept.path("decision").path("reference").asString()).isEqualTo(doi);

        // Retired: the article not yet approved has the claim open again, and cannot be approved.
        Http.Response retired = Http.postJson(review + "/api/claims/" + key + "/retire", "rita",
                Map.of("reason", "Superseded by a 2026 meta-analysis."));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        await().atMost(PIPELINE).until(() -> claimWithText(Http.get(review + "/api/reviews/" + second, "paul").json(),
                sentence).path("open").asBoolean());
        assertThat(signOff("paul", second, "APPROVE", secondReview.path("contentHash").asString()).status())
                .isEqualTo(409);
        assertThat(claimWithText(Http.get(review + "/api/reviews/" + second, "paul").json(), sentence)
                .path("library").isNull()).as("a retired entry is not offered").isTrue();
    }

    private String postMarkdown(String writer, String markdown) {
        Http.Response response = Http.post(intake + "/api/drafts", writer, "text/markdown; charset=UTF-8", markdown);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("articleId").asString();
    }

    private static JsonNode claimWithText(JsonNode underReview, String text) {
        return elements(underReview.path("claims")).stream().filter(claim -> claim.path("text").asString().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no claim \"" + text + "\" in " + underReview));
    }

    @Test
    void reviewAndStatusSurviveRestartsBecauseTheyAreReplayedFromTheLog() throws Exception {
        String articleId = submit("walter", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        List<JsonNode> claims = elements(underReview.path("claims"));
        decide("paul", articleId, underReview, claims.get(0).path("id").asString(), "APPROVED");

        // Healthy again only once the board has been rebuilt from the topics: no waiting needed after this.
        fleet.restart("review", Duration.ofMinutes(3));
        JsonNode replayed = Http.get(review + "/api/reviews/" + articleId, "paul").json();
        assertThat(replayed.path("revision").asInt()).isEqualTo(1);
        assertThat(replayed.path("claims").path(0).path("decision").path("decision").asString()).isEqualTo("APPROVED");
        assertThat(replayed.path("claims").path(1).path("decision").isNull()).isTrue();

        approveEveryClaim("paul", articleId, replayed);
        assertThat(signOff("paul", articleId, "APPROVE", replayed.path("contentHash").asString()).status()).isEqualTo(200);
        awaitPublished(articleId, 1);

        fleet.restart("intake", Duration.ofMinutes(3));
        JsonNode status = Http.get(intake + "/api/articles/" + articleId, "walter").json();
        assertThat(status.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(status.path("history").toString()).contains("ArticleApproved").contains("ArticlePublished");
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsCauseAndTheNextRecordStillFlows() {
        String articleId = "poison-" + UUID.randomUUID();
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        kafka.sendRaw(Topics.APPROVED, articleId, garbage);
        kafka.sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, true, false)));

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getTitle()).isEqualTo("Sleep and Screens");

        String deadLetters = Topics.deadLetter(Topics.APPROVED, "rendering");
        List<ConsumerRecord<String, byte[]>> dead = kafka.recordsFor(deadLetters, articleId);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0), Topics.DEAD_LETTER_REASON_HEADER)).hasValueSatisfying(
                message -> assertThat(message).contains("C3 01"));
    }

    @Test
    void anApprovalWhoseTextWasAlteredIsDeadLetteredAndNeverPublished() {
        assertRefusedByRendering("tampered-" + UUID.randomUUID(), true, true, "hash");
    }

    @Test
    void anApprovalNotIssuedByTheReviewServiceIsDeadLetteredAndNeverPublished() {
        // Whoever can write to article.approved can compute a content hash, but not the review service's signature.
        assertRefusedByRendering("forged-" + UUID.randomUUID(), false, false, "not signed by the review service");
    }

    @Test
    void htmlAlteredAfterRenderingIsDeadLetteredByDistributionAndNeverPublished() {
        String articleId = "altered-html-" + UUID.randomUUID();
        ArticleApproved approved = approval(articleId, true, false);
        ArticleRendered rendered = ArticleRendered.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(approved.getSlug())
                .setTitle(approved.getTitle())
                .setSummary(null)
                .setAuthors(approved.getAuthors())
                .setTags(approved.getTags())
                .setBodyMarkdown(approved.getBodyMarkdown())
                .setSourceHash(approved.getApproval().getContentHash())
                .setHtml("<p>Blue light in the evening may delay sleep onset.</p>")
                .setApproval(approved.getApproval())
                .setRenderedAt(Instant.now())
                .setRenderSeal(null)
                .build();
        RENDERING.sign(rendered);
        rendered.setHtml("<p>Blue light in the evening causes insomnia; melatonin cures it.</p>");
        kafka.sendRaw(Topics.RENDERED, articleId, EventCatalog.standard().encode(rendered));

        String deadLetters = Topics.deadLetter(Topics.RENDERED, "distribution");
        await().atMost(PIPELINE).until(() -> !kafka.recordsFor(deadLetters, articleId).isEmpty());
        assertThat(header(kafka.recordsFor(deadLetters, articleId).get(0), Topics.DEAD_LETTER_REASON_HEADER))
                .hasValueSatisfying(message -> assertThat(message).contains("not signed by the rendering service"));
        assertThat(kafka.recordsFor(Topics.PUBLISHED, articleId)).isEmpty();
    }

    @Test
    void aForgedRecordOnThePublicTopicNeverBecomesAPage() {
        String articleId = "forged-publication-" + UUID.randomUUID();
        kafka.sendRaw(Topics.PUBLISHED, articleId,
                EventCatalog.standard().encode(publication(articleId, articleId + "-forged", false)));
        // Same key, same partition, so once the genuine one is served the forged one has been read and refused.
        kafka.sendRaw(Topics.PUBLISHED, articleId,
                EventCatalog.standard().encode(publication(articleId, articleId + "-sealed", true)));

        await().atMost(PIPELINE).until(() -> Http.get(distribution + "/articles/" + articleId + "-sealed", null).status() == 200);
        assertThat(Http.get(distribution + "/articles/" + articleId + "-forged", null).status()).isEqualTo(404);
        assertThat(Http.get(distribution + "/feed.json", null).body()).doesNotContain(articleId + "-forged");
    }

    private void assertRefusedByRendering(String articleId, boolean sealed, boolean altered, String reason) {
        kafka.sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, sealed, altered)));

        String deadLetters = Topics.deadLetter(Topics.APPROVED, "rendering");
        await().atMost(PIPELINE).until(() -> !kafka.recordsFor(deadLetters, articleId).isEmpty());
        assertThat(header(kafka.recordsFor(deadLetters, articleId).get(0), Topics.DEAD_LETTER_REASON_HEADER))
                .hasValueSatisfying(message -> assertThat(message).containsIgnoringCase(reason));
        assertThat(kafka.recordsFor(Topics.RENDERED, articleId)).isEmpty();
        assertThat(kafka.recordsFor(Topics.PUBLISHED, articleId)).isEmpty();
    }

    @Test
    void aReaderSeesThePublishedPageInABrowserWithNothingExecutable() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        Http.Response response = Http.post(intake + "/api/drafts", "walter", "text/markdown; charset=UTF-8",
                fixture("melatonin-jet-lag.md"));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String articleId = response.json().path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        approveEveryClaim("paul", articleId, underReview);
        assertThat(signOff("paul", articleId, "APPROVE", underReview.path("contentHash").asString()).status()).isEqualTo(200);
        ArticlePublished published = awaitPublished(articleId, 1);

        Path profile = Files.createTempDirectory("vetted-chromium");
        ChromeDriver browser = Browser.start(profile);
        try {
            browser.get(published.getUrl());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Does Melatonin Help With Jet Lag?");
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("Medically reviewed by Paul Park, PharmD")
                    .contains("Doses of 0.5 mg to 5 mg");
            assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
            assertThat(browser.findElements(By.cssSelector("script, img[onerror], [onerror]"))).isEmpty();
            for (WebElement link : browser.findElements(By.tagName("a"))) {
                assertThat(String.valueOf(link.getAttribute("href")).toLowerCase(Locale.ROOT)).doesNotStartWith("javascript:");
            }
            Path shot = Path.of(System.getProperty("vetted.logs.dir", "target"), "published-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /**
     * The whole product loop in a real browser, on the writer's real paste: the writer submits it, the reviewer
     * rejects one claim and asks for changes, the writer sees why and revises from the text on the page, the reviewer
     * sees what changed, approves every claim in place and signs off, and the page is on the site. axe-core checks
     * every page on the way against WCAG 2.1 A and AA.
     */
    @Test
    void aWriterAndAReviewerTakeTheSharedSampleFromPasteToPublicationInThePages() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        Paste paste = Paste.sharedSampleOrOwn();
        Path profile = Files.createTempDirectory("vetted-chromium");
        ChromeDriver browser = Browser.start(profile);
        List<String> inaccessible = new ArrayList<>();
        try {
            browser.get(intake + "/");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            signIn(browser, "wanda", "wanda-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My articles");
            assertThat(browser.findElement(By.cssSelector("header.site")).getText()).contains("Signed in as Wanda Writer");
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            Browser.clickAndWait(browser, By.linkText("Submit a new draft"));
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            // As a writer pastes: the whole text at once (typing it key by key would take minutes).
            browser.executeScript("document.getElementById('text').value = arguments[0]", paste.text());
            Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");
            assertThat(browser.findElement(By.id("warnings")).getText()).contains("Leave a Reply")
                    .contains(paste.uncredentialedExpert());
            assertThat(browser.findElements(By.cssSelector("#claims li"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(paste.title());
            assertThat(browser.findElement(By.cssSelector("#preview h2, #preview p")).getText()).isNotBlank();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            screenshot(browser, "writer-draft-page.png");
            String articleId = browser.findElement(By.cssSelector("main p a")).getAttribute("href")
                    .replaceAll(".*/articles/", "");

            // The reviewer rejects the first claim, approves the rest in place, and asks for changes.
            awaitUnderReview(articleId, 1);
            browser.get(review + "/");
            signIn(browser, "rita", "rita-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waiting for review");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            Browser.clickAndWait(browser, By.cssSelector("a[href='/reviews/" + articleId + "']"));
            assertThat(browser.findElement(By.id("why-not")).getText()).contains("every claim approved");
            assertThat(browser.findElements(By.cssSelector("pre mark"))).as("claims marked in the text").isNotEmpty();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            List<String> claimIds = claimIdsOnPage(browser);
            String rejected = claimIds.get(0);
            String rejectedText = browser.findElement(By.id("text-" + rejected)).getText();
            browser.findElement(By.id("comment-" + rejected)).sendKeys("Which trial shows this? Cite it or soften it.");
            decideInPlace(browser, rejected, "reject", "Rejected");
            for (String claimId : claimIds.subList(1, claimIds.size())) {
                decideInPlace(browser, claimId, "approve", "Approved");
            }
            assertThat(browser.findElement(By.id("signoff-approve")).isEnabled()).isFalse();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            browser.findElement(By.id("signoff-comment")).sendKeys("One claim needs a source.");
            assertThat(Browser.submitAndRead(browser, By.id("signoff-request-changes"))).startsWith("Changes requested");

            // The writer sees why, and revises from the latest text the page starts the form with.
            awaitPage(browser, intake + "/articles/" + articleId, "#status", "changes requested");
            assertThat(browser.findElement(By.cssSelector(".returned")).getText())
                    .contains("Changes requested").contains("One claim needs a source.");
            assertThat(browser.findElement(By.id("claim-1-" + rejected)).getText())
                    .contains("Rejected").contains("Which trial shows this?");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            String revised = (String) browser.executeScript("""
                    const text = document.getElementById('text');
                    const claim = arguments[0];
                    const softened = 'Some small studies suggest this, though more research is needed.';
                    text.value = text.value.includes(claim) ? text.value.replace(claim, softened)
                        : text.value + '\\n\\n' + softened + '\\n';
                    return text.value;""", rejectedText);
            assertThat(revised).startsWith("---\ntitle: ");
            Browser.clickAndWait(browser, By.cssSelector("#revise-heading + form button[type=submit]"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");
            assertThat(browser.findElement(By.cssSelector("main p[role=status]")).getText()).startsWith("Revision 2");

            // The reviewer sees what changed, approves every claim and signs off.
            awaitUnderReview(articleId, 2);
            browser.get(review + "/reviews/" + articleId);
            assertThat(browser.findElements(By.cssSelector("#changes-previous ins, #changes-previous del")))
                    .as("words added and removed since revision 1").isNotEmpty();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            for (String claimId : claimIdsOnPage(browser)) {
                browser.findElement(By.id("reference-" + claimId)).sendKeys("https://example.org/evidence");
                decideInPlace(browser, claimId, "approve", "Approved");
            }
            // A high-risk claim (a dose, say) needs a second reviewer: Paul approves those, and Rita reloads.
            List<String> needSecond = claimIdsOnPage(browser).stream().filter(claimId -> browser.findElement(
                    By.cssSelector("#claim-" + claimId + " .decision .verdict")).getText().contains("1 of 2")).toList();
            JsonNode revision2 = awaitUnderReview(articleId, 2);
            for (String claimId : needSecond) {
                decide("paul", articleId, revision2, claimId, "APPROVED");
            }
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver -> driver.findElement(By.id("signoff-approve")).isEnabled());
            browser.executeScript("window.scrollTo(0, 0)");
            screenshot(browser, "reviewer-article-page.png");
            assertThat(Browser.submitAndRead(browser, By.id("signoff-approve"))).startsWith("Approved");
            ArticlePublished published = awaitPublished(articleId, 2);
            assertThat(published.getMedicallyReviewedBy().getDisplayName()).isEqualTo("Rita Reyes");
            // Every claim approved with a reference is now in the claims library.
            await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                browser.get(review + "/claims?query=" + paste.libraryWord());
                return !browser.findElements(By.cssSelector(".library-entry")).isEmpty();
            });
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            browser.get(published.getUrl());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(paste.title());
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Medically reviewed by Rita Reyes");
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            awaitPage(browser, intake + "/articles/" + articleId, "#status", "published");
            assertThat(browser.findElements(By.cssSelector("#revision-2 .decision .approved")))
                    .hasSameSizeAs(browser.findElements(By.cssSelector("#revision-2 tbody tr")));
            Browser.clickAndWait(browser, By.cssSelector("form.who button"));
            assertThat(browser.getCurrentUrl()).contains("/login?signedOut");
            browser.get(intake + "/drafts/new");
            assertThat(browser.getCurrentUrl()).as("signed out for real").endsWith("/login");
            assertThat(inaccessible).as("WCAG 2.1 A/AA violations found by axe-core").isEmpty();
        } finally {
            browser.quit();
        }
    }

    /**
     * What a reviewer may not do is not offered, and refused when forged in the browser: a writer has no review
     * pages, a reviewer credited on an article gets it read only and a decision posted anyway is not recorded, and
     * a form posted without its CSRF token is refused.
     */
    @Test
    void thePagesOfferNothingOneMayNotDoAndRefuseWhatIsForged() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        String danasArticle = submit("dana", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(danasArticle, 1);
        String claimId = underReview.path("claims").path(0).path("id").asString();
        Path profile = Files.createTempDirectory("vetted-chromium");
        ChromeDriver browser = Browser.start(profile);
        try {
            browser.get(review + "/");
            signIn(browser, "wanda", "wanda-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Forbidden");
            assertThat(browser.getPageSource()).doesNotContain("Waiting for review");

            browser.manage().deleteAllCookies();
            browser.get(review + "/");
            signIn(browser, "dana", "dana-pass");
            browser.get(review + "/reviews/" + danasArticle);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are credited on this article");
            assertThat(browser.findElements(By.cssSelector("button[value=APPROVED], #signoff"))).isEmpty();

            // Dana posts a decision anyway, with her valid session and token, as a script on the page could.
            Object answer = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const body = new URLSearchParams({decision: 'APPROVED', revision: '1', comment: '', reference: '',
                        _csrf: document.querySelector('input[name=_csrf]').value});
                    fetch(arguments[0], {method: 'POST', body: body, headers: {'HX-Request': 'true'}})
                        .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('failed ' + e));""",
                    "/reviews/" + danasArticle + "/claims/" + claimId);
            assertThat(String.valueOf(answer)).contains("Not recorded");
            JsonNode after = Http.get(review + "/api/reviews/" + danasArticle, "rita").json();
            assertThat(after.path("claims").path(0).path("decision").isNull()).as("no decision recorded").isTrue();

            // A form without the CSRF token, as another site's page would send it.
            browser.get(review + "/");
            WebElement oldPage = browser.findElement(By.tagName("html"));
            browser.executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = arguments[0];
                    for (const [name, value] of [['decision', 'APPROVE'], ['contentHash', arguments[1]]]) {
                        const input = document.createElement('input');
                        input.name = name;
                        input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();""", "/reviews/" + danasArticle + "/decision", underReview.path("contentHash").asString());
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Browser.isGone(oldPage));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Forbidden");
            assertThat(Http.get(review + "/api/reviews/" + danasArticle, "rita").json().path("status").asString())
                    .isEqualTo(underReview.path("status").asString());
        } finally {
            browser.quit();
        }
    }

    /** The writer's paste: the team's shared sample when it sits beside the repository, else the project's own. */
    private record Paste(String text, String title, String uncredentialedExpert, String libraryWord) {
        static Paste sharedSampleOrOwn() throws IOException {
            Path shared = Path.of("../../shared/samples/magnesium-anxiety.txt");
            if (Files.isReadable(shared)) {
                return new Paste(Files.readString(shared, StandardCharsets.UTF_8),
                        "What Are the Potential Benefits of Magnesium for Anxiety?", "Hypolite", "magnesium");
            }
            System.out.println("The shared sample is not beside the repository: the browser journey pastes "
                    + "zinc-and-colds.txt instead.");
            return new Paste(fixture("zinc-and-colds.txt"), "Can Zinc Shorten a Common Cold?", "Brennan", "zinc");
        }
    }

    private static void signIn(ChromeDriver browser, String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
    }

    /** The claims' ids, read again if htmx swaps a block while they are read (the element read goes stale). */
    private static List<String> claimIdsOnPage(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("article.claim")).stream()
                        .map(claim -> claim.getAttribute("id").substring("claim-".length())).toList());
    }

    /** Clicks a claim's approve or reject button and waits for htmx to swap its block to the decision. */
    private static void decideInPlace(ChromeDriver browser, String claimId, String action, String verdict) {
        browser.findElement(By.id(action + "-" + claimId)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            List<WebElement> shown = driver.findElements(By.cssSelector("#claim-" + claimId + " .decision .verdict"));
            try {
                // "Approved (1 of 2)" for a high-risk claim that still needs a second reviewer.
                return !shown.isEmpty() && shown.get(0).getText().startsWith(verdict);
            } catch (WebDriverException stale) {
                return false;
            }
        });
    }

    /** Loads a page until an element on it reads {@code text}: the projection behind it follows the topics. */
    private static void awaitPage(ChromeDriver browser, String url, String selector, String text) {
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(url);
            return browser.findElements(By.cssSelector(selector)).stream().anyMatch(e -> e.getText().equals(text));
        });
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = Path.of(System.getProperty("vetted.logs.dir", "target"), name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }

    // --- hostile input: the gate holds

    @Test
    void approvedMarkdownNestedTooDeepIsDeadLetteredAndTheNextArticleStillPublishes() {
        String articleId = "deep-" + UUID.randomUUID();
        // Both reach rendering only as signed approvals (intake refuses such drafts): one deeper than rendering
        // renders, one deep enough to overflow Flexmark's parser. Same key, so the same partition as the next one.
        String tooDeep = ">".repeat(1_000) + " Blue light may delay sleep.\n";
        String overflowing = "*".repeat(20_000) + "Blue light may delay sleep." + "*".repeat(20_000) + "\n";
        kafka.sendRaw(Topics.APPROVED, articleId,
                EventCatalog.standard().encode(approval(articleId, true, false, tooDeep)));
        kafka.sendRaw(Topics.APPROVED, articleId,
                EventCatalog.standard().encode(approval(articleId, true, false, overflowing)));
        kafka.sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, true, false)));

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getHtml()).contains("Blue light in the evening may delay sleep onset.");
        String deadLetters = Topics.deadLetter(Topics.APPROVED, "rendering");
        await().atMost(PIPELINE).until(() -> kafka.recordsFor(deadLetters, articleId).size() >= 2);
        assertThat(kafka.recordsFor(deadLetters, articleId)).extracting(r -> header(r, Topics.DEAD_LETTER_REASON_HEADER)
                .orElse("")).anySatisfy(reason -> assertThat(reason).contains("nested", "levels deep"))
                .anySatisfy(reason -> assertThat(reason).contains("StackOverflowError"));
        assertThat(kafka.recordsFor(Topics.PUBLISHED, articleId)).hasSize(1);
        assertThat(Http.get(rendering + "/actuator/health", null).json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void aClaimDecisionWrittenStraightToTheTopicDoesNotCount() {
        String articleId = submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        List<JsonNode> claims = elements(underReview.path("claims"));
        Signatures renderingAsReview = new Signatures(SigningKey.parse(Issuer.REVIEW,
                DemoKeys.signingKey(Issuer.RENDERING).privateJwk()), DemoKeys.trusted());
        for (JsonNode claim : claims) {
            ClaimReviewed forged = forgedDecision(articleId, underReview, claim.path("id").asString());
            kafka.sendRaw(Topics.CLAIM_REVIEWED, articleId, EventCatalog.standard().encode(forged));
            kafka.sendRaw(Topics.CLAIM_REVIEWED, articleId, EventCatalog.standard().encode(
                    renderingAsReview.sign(forgedDecision(articleId, underReview, claim.path("id").asString()))));
        }
        // A decision review really signed, behind the forged ones on the same partition: once review shows it, it
        // has read past every forged one.
        String marker = claims.get(0).path("id").asString();
        kafka.sendRaw(Topics.CLAIM_REVIEWED, articleId, EventCatalog.standard().encode(
                REVIEW.sign(ClaimReviewed.newBuilder(forgedDecision(articleId, underReview, marker))
                        .setReviewer(new Reviewer("paul", "Paul Park", "PharmD")).build())));
        await().atMost(PIPELINE).until(() -> Http.get(review + "/api/reviews/" + articleId, "rita").json()
                .path("claims").path(0).path("decision").path("reviewer").path("username").asString().equals("paul"));

        JsonNode board = Http.get(review + "/api/reviews/" + articleId, "rita").json();
        for (JsonNode claim : elements(board.path("claims")).subList(1, claims.size())) {
            assertThat(claim.path("decision").isNull()).as("claim %s decided by a forged record", claim.path("id"))
                    .isTrue();
        }
        Http.Response signOff = signOff("rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(signOff.status()).as(signOff.body()).isEqualTo(409);
        assertThat(kafka.recordsFor(Topics.APPROVED, articleId)).isEmpty();
    }

    /**
     * Two sentences with the same short claim id: revision 2 (signed as intake signs, since intake itself gives one
     * revision's claims distinct ids and the pair is built here) puts a harmful sentence under the id of an approved
     * benign one. Its approval does not carry, the library does not offer it, and the sign-off is refused.
     */
    @Test
    void aSentenceSharingAnApprovedOnesShortIdInheritsNothing() {
        String articleId = submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode revision1 = awaitUnderReview(articleId, 1);
        approveEveryClaim("paul", articleId, revision1);
        assertThat(signOff("paul", articleId, "APPROVE", revision1.path("contentHash").asString()).status())
                .isEqualTo(200);
        awaitPublished(articleId, 1);

        DraftSubmitted one = (DraftSubmitted) EventCatalog.standard().decode(
                kafka.recordsFor(Topics.DRAFT_SUBMITTED, articleId).get(0).value());
        org.vetted.events.Claim benign = one.getClaims().stream()
                .filter(claim -> one.getBodyMarkdown().contains(claim.getText())).findFirst().orElseThrow();
        String harmful = "Zinc cures every cold in all adults, so most people can safely skip seeing a doctor.";
        String body = one.getBodyMarkdown().replace(benign.getText(), harmful);
        List<org.vetted.events.Claim> claims = new ArrayList<>(one.getClaims().stream()
                .map(claim -> claim == benign ? org.vetted.events.Claim.newBuilder(claim).setText(harmful).build()
                        : claim).toList());
        DraftSubmitted two = DraftSubmitted.newBuilder(one).setEventId(UUID.randomUUID().toString()).setRevision(2)
                .setBodyMarkdown(body).setClaims(claims).setSubmittedAt(Instant.now()).setSignature(null)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(one.getSlug(), one.getTitle(),
                        one.getSummary(), body, one.getTags(), one.getAuthors().stream()
                        .map(author -> new ContentHash.Credit(author.getUsername(), author.getDisplayName()))
                        .toList())))
                .build();
        kafka.sendRaw(Topics.DRAFT_SUBMITTED, articleId, EventCatalog.standard().encode(INTAKE.sign(two)));

        JsonNode revision2 = awaitUnderReview(articleId, 2);
        JsonNode claim = elements(revision2.path("claims")).stream()
                .filter(each -> each.path("id").asString().equals(benign.getId())).findFirst().orElseThrow();
        assertThat(claim.path("text").asString()).isEqualTo(harmful);
        assertThat(claim.path("open").asBoolean()).as("same id, other text: nothing carries").isTrue();
        assertThat(claim.path("carriedOver").isMissingNode() || claim.path("carriedOver").isNull()).isTrue();
        assertThat(elements(revision2.path("claims"))).filteredOn(each -> each != claim)
                .allSatisfy(each -> assertThat(each.path("open").asBoolean()).isFalse());
        Http.Response accepted = Http.post(review + "/api/reviews/" + articleId + "/claims/" + benign.getId()
                + "/accept-library", "rita", "application/json", "{\"revision\":2}");
        assertThat(accepted.status()).as(accepted.body()).isGreaterThanOrEqualTo(400);
        assertThat(signOff("rita", articleId, "APPROVE", two.getContentHash()).status()).isEqualTo(409);
        assertThat(kafka.recordsFor(Topics.APPROVED, articleId)).hasSize(1);
    }

    /**
     * A rejection is not forgotten when its claim is dropped and brought back: revision 1 approved, revision 2
     * rejects claim A, revision 3 drops it, revision 4 restores it. A is open in revision 4, not carried from 1.
     */
    @Test
    void aRejectedClaimDroppedAndBroughtBackIsOpenAgain() {
        String v1 = fixture("zinc-and-colds.txt");
        String articleId = journeys.submit("wanda", v1, null).json().path("articleId").asString();
        JsonNode revision1 = awaitUnderReview(articleId, 1);
        approveEveryClaim("rita", articleId, revision1);
        assertThat(signOff("rita", articleId, "APPROVE", revision1.path("contentHash").asString()).status())
                .isEqualTo(200);
        awaitPublished(articleId, 1);
        JsonNode a = elements(revision1.path("claims")).stream()
                .filter(claim -> v1.contains(claim.path("text").asString())
                        && claim.path("approvalsNeeded").asInt() == 1).findFirst().orElseThrow();
        String sentence = a.path("text").asString();

        assertThat(journeys.submit("wanda", v1.replace("The Bottom Line", "In Short"), articleId).status())
                .isEqualTo(202);
        JsonNode revision2 = awaitUnderReview(articleId, 2);
        String aInTwo = idOf(revision2, sentence);
        decide("paul", articleId, revision2, aInTwo, "REJECTED");
        assertThat(signOff("paul", articleId, "REQUEST_CHANGES", revision2.path("contentHash").asString()).status())
                .isEqualTo(200);

        assertThat(journeys.submit("wanda", v1.replace(sentence, "Zinc lozenges taste of metal to many people."),
                articleId).status()).isEqualTo(202);
        JsonNode revision3 = awaitUnderReview(articleId, 3);
        for (JsonNode claim : elements(revision3.path("claims"))) {
            if (claim.path("open").asBoolean() && claim.path("approvalsNeeded").asInt() == 1) {
                decide("rita", articleId, revision3, claim.path("id").asString(), "APPROVED");
            }
        }

        assertThat(journeys.submit("wanda", v1.replace("The Bottom Line", "The Short Answer"), articleId).status())
                .isEqualTo(202);
        JsonNode revision4 = awaitUnderReview(articleId, 4);
        JsonNode back = elements(revision4.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(sentence)).findFirst().orElseThrow();
        assertThat(back.path("open").asBoolean()).as("Paul's rejection in revision 2 stands").isTrue();
        assertThat(back.path("carriedOver").isMissingNode() || back.path("carriedOver").isNull()).isTrue();
    }

    /**
     * Context: a claim's section is its whole heading path, and the same sentence under another heading is a claim
     * of its own there, with the risk classes of its path, each reviewed on its own.
     */
    @Test
    void theSameSentenceUnderTwoHeadingPathsIsTwoClaimsEachWithItsRisk() {
        String sentence = "Arnica cream is safe to use on bruises every day.";
        String draft = "# Arnica for Bruises\n\n## During pregnancy\n\n### Everyday use\n\n" + sentence
                + "\n\n## For children\n\n" + sentence + "\n";
        Http.Response submitted = Http.post(intake + "/api/drafts", "wanda", "text/markdown; charset=UTF-8", draft);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String articleId = submitted.json().path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);

        List<JsonNode> arnica = elements(underReview.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(sentence)).toList();
        assertThat(arnica).extracting(claim -> claim.path("section").asString())
                .containsExactly("During pregnancy › Everyday use", "For children");
        assertThat(arnica).extracting(claim -> claim.path("id").asString()).doesNotHaveDuplicates();
        assertThat(arnica.get(0).path("riskClasses").toString()).contains("PREGNANCY");
        assertThat(arnica.get(1).path("riskClasses").toString()).contains("CHILDREN");

        String pregnancy = arnica.get(0).path("id").asString();
        decide("rita", articleId, underReview, pregnancy, "APPROVED");
        JsonNode afterOne = awaitUnderReview(articleId, 1);
        JsonNode stillOpen = elements(afterOne.path("claims")).stream()
                .filter(claim -> claim.path("id").asString().equals(pregnancy)).findFirst().orElseThrow();
        assertThat(stillOpen.path("open").asBoolean()).as("a pregnancy claim needs a second reviewer").isTrue();
        assertThat(elements(afterOne.path("claims")).stream()
                .filter(claim -> claim.path("id").asString().equals(arnica.get(1).path("id").asString()))
                .findFirst().orElseThrow().path("decisions").size()).as("the other is decided on its own").isZero();
        assertThat(signOff("paul", articleId, "APPROVE", underReview.path("contentHash").asString()).status())
                .isEqualTo(409);
    }

    private static String idOf(JsonNode underReview, String text) {
        return elements(underReview.path("claims")).stream().filter(claim -> claim.path("text").asString().equals(text))
                .findFirst().orElseThrow().path("id").asString();
    }

    @Test
    void aCoAuthorSpelledFiveWaysCannotApproveHerOwnArticle() {
        for (String credit : List.of("Dana Diaz, RD", "dr. dana diaz", "DANA  DÍAZ", "Diaz, Dana", "Dana Díaz MD, MPH")) {
            String markdown = "---\ntitle: Can Magnesium Calm Anxiety?\nauthors: [\"" + credit + "\"]\n---\n"
                    + "Magnesium may reduce anxiety symptoms in adults, small trials suggest.\n";
            Http.Response posted = Http.post(intake + "/api/drafts", "wanda", "text/markdown; charset=UTF-8", markdown);
            assertThat(posted.status()).as(posted.body()).isEqualTo(202);
            String articleId = posted.json().path("articleId").asString();
            JsonNode underReview = awaitUnderReview(articleId, 1);

            Http.Response decided = decideResponse("dana", articleId, underReview,
                    underReview.path("claims").path(0).path("id").asString(), "APPROVED");
            assertThat(decided.status()).as("credited as %s: %s", credit, decided.body()).isEqualTo(403);
            assertThat(signOff("dana", articleId, "APPROVE", underReview.path("contentHash").asString()).status())
                    .as("credited as %s", credit).isEqualTo(403);
        }
    }

    @Test
    void aDownstreamSiteVerifiesAPublishedArticleWithOnlyTheJwkSet() throws Exception {
        String articleId = "verified-" + UUID.randomUUID();
        kafka.sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, true, false)));
        ArticlePublished published = awaitPublished(articleId, 1);
        await().atMost(PIPELINE).until(() -> Http.get(distribution + "/api/articles/" + published.getSlug(), null)
                .status() == 200);

        // What a downstream site does: fetch the key set and the article, nothing else.
        JWKSet keys = JWKSet.parse(Http.get(distribution + "/.well-known/jwks.json", null).body());
        String served = Http.get(distribution + "/api/articles/" + published.getSlug(), null).body();
        assertThat(genuine(keys, served)).as(served).isTrue();
        JsonNode article = Http.JSON.readTree(served);
        JWSObject jws = JWSObject.parse(article.path("signature").asString());
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims.get("title")).isEqualTo(published.getTitle());
        assertThat(claims.get("url")).isEqualTo(published.getUrl());
        assertThat(claims.get("medicallyReviewedBy")).isEqualTo(Map.of("name",
                published.getMedicallyReviewedBy().getDisplayName(), "credential",
                published.getMedicallyReviewedBy().getCredential()));

        // An article altered on the way (a cache, a proxy) no longer matches its signature: its HTML, or any field
        // a site displays beside it.
        ObjectNode alteredHtml = (ObjectNode) Http.JSON.readTree(served);
        alteredHtml.put("html", article.path("html").asString().replace("may delay", "delays"));
        assertThat(genuine(keys, Http.JSON.writeValueAsString(alteredHtml))).isFalse();
        ObjectNode alteredCredential = (ObjectNode) Http.JSON.readTree(served);
        ((ObjectNode) alteredCredential.path("medicallyReviewedBy")).put("credential", "PhD");
        assertThat(genuine(keys, Http.JSON.writeValueAsString(alteredCredential))).isFalse();
    }

    /**
     * The downstream verifier of the README: a signature by a key of the set, alg EdDSA, and a payload that is
     * exactly the article as served, less {@code signature}, with {@code html} replaced by its SHA-256.
     */
    private static boolean genuine(JWKSet keys, String served) throws Exception {
        ObjectNode article = (ObjectNode) Http.JSON.readTree(served);
        JWSObject jws = JWSObject.parse(article.remove("signature").asString());
        OctetKeyPair key = (OctetKeyPair) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        String html = article.remove("html").asString();
        article.put("htmlSha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(html.getBytes(StandardCharsets.UTF_8))));
        return key != null && jws.getHeader().getAlgorithm().equals(JWSAlgorithm.EdDSA)
                && jws.verify(new Ed25519Verifier(key))
                && Http.JSON.readTree(jws.getPayload().toString()).equals(article);
    }

    private static ClaimReviewed forgedDecision(String articleId, JsonNode underReview, String claimId) {
        return ClaimReviewed.newBuilder().setEventId(UUID.randomUUID().toString()).setArticleId(articleId)
                .setRevision(underReview.path("revision").asInt())
                .setContentHash(underReview.path("contentHash").asString()).setClaimId(claimId)
                .setDecision(ClaimDecision.APPROVED).setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                .setReviewedAt(Instant.now()).build();
    }

    // --- the steps, as a writer and a reviewer take them

    private JsonNode submit(String writer, String fixture, String articleId) {
        Http.Response response = journeys.submit(writer, fixture(fixture), articleId);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private JsonNode awaitUnderReview(String articleId, int revision) {
        return await().atMost(PIPELINE).until(
                () -> journeys.underReview("rita", articleId),
                response -> response.status() == 200 && response.json().path("revision").asInt() == revision).json();
    }

    /** Every claim approved by {@code reviewer}, and each high-risk one (four eyes) by a second reviewer too. */
    private void approveEveryClaim(String reviewer, String articleId, JsonNode underReview) {
        String second = Journeys.secondReviewer(reviewer);
        for (JsonNode claim : elements(underReview.path("claims"))) {
            decide(reviewer, articleId, underReview, claim.path("id").asString(), "APPROVED");
            if (claim.path("approvalsNeeded").asInt() == 2) {
                decide(second, articleId, underReview, claim.path("id").asString(), "APPROVED");
            }
        }
    }

    private void decide(String reviewer, String articleId, JsonNode underReview, String claimId, String decision) {
        Http.Response response = decideResponse(reviewer, articleId, underReview, claimId, decision);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** A claim decision names the revision it was made on, so it can never land on a later text. */
    private Http.Response decideResponse(String reviewer, String articleId, JsonNode underReview, String claimId,
            String decision) {
        return journeys.decide(reviewer, articleId, underReview.path("revision").asInt(), claimId, decision);
    }

    private Http.Response signOff(String reviewer, String articleId, String decision, String contentHash) {
        return journeys.signOff(reviewer, articleId, decision, contentHash);
    }

    private ArticlePublished awaitPublished(String articleId, int revision) {
        return await().atMost(PIPELINE).until(() -> kafka.recordsFor(Topics.PUBLISHED, articleId).stream()
                .map(record -> (ArticlePublished) EventCatalog.standard().decode(record.value()))
                .filter(event -> event.getRevision() == revision)
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /**
     * An approval as review would issue it, signed with the local profile's demo key ({@code sealed}) or not, and
     * optionally with its text altered after the hash was taken.
     */
    private static ArticleApproved approval(String articleId, boolean sealed, boolean alterAfterApproval) {
        return approval(articleId, sealed, alterAfterApproval, "Blue light in the evening may delay sleep onset.\n");
    }

    private static ArticleApproved approval(String articleId, boolean sealed, boolean alterAfterApproval, String body) {
        String title = "Sleep and Screens";
        Reviewer reviewer = new Reviewer("rita", "Rita Reyes", "MD");
        List<Author> authors = List.of(new Author("walter", "Walter Webb"));
        Approval approval = Approval.newBuilder()
                .setRevision(1)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(articleId, title, null, body, List.of(),
                        List.of(new ContentHash.Credit("walter", "Walter Webb")))))
                .setSignedOffBy(reviewer)
                .setClaimReviewers(List.of(reviewer))
                .setApprovedAt(Instant.now())
                .setSeal(null)
                .build();
        if (sealed) {
            REVIEW.signApproval(articleId, approval);
        }
        ArticleApproved approved = ArticleApproved.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setSlug(articleId)
                .setTitle(title)
                .setSummary(null)
                .setAuthors(authors)
                .setTags(List.of())
                .setBodyMarkdown(alterAfterApproval ? body.replace("may delay", "delays") : body)
                .setClaims(List.of())
                .setExperts(List.of())
                .setApproval(approval)
                .setComment(null)
                .build();
        return sealed ? REVIEW.sign(approved) : approved;
    }

    private static ArticlePublished publication(String articleId, String slug, boolean sealed) {
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
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(articleId, "Sleep and Screens", null,
                        "Blue light in the evening may delay sleep onset.\n", List.of(), List.of())))
                .setPublishedAt(now)
                .setSeal(null)
                .build();
        if (sealed) {
            DISTRIBUTION.sign(published);
        }
        return published;
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String fixture(String name) {
        return Journeys.fixture(name);
    }
}
