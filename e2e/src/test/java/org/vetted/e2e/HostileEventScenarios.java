package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.PipelineSteps.header;
import static org.vetted.e2e.PipelineSteps.publication;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records written straight to the topics, as whoever can write there could: poison, forged or altered ones are
 * dead-lettered with their cause and never published, and what is published verifies with the public keys alone.
 */
interface HostileEventScenarios extends PipelineSteps {
    @Test
    default void aPoisonRecordIsDeadLetteredWithItsCauseAndTheNextRecordStillFlows() {
        String articleId = "poison-" + UUID.randomUUID();
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        kafka().sendRaw(Topics.APPROVED, articleId, garbage);
        kafka().sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, true, false)));

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getTitle()).isEqualTo("Sleep and Screens");

        String deadLetters = Topics.deadLetter(Topics.APPROVED, "rendering");
        List<ConsumerRecord<String, byte[]>> dead = kafka().recordsFor(deadLetters, articleId);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0), Topics.DEAD_LETTER_REASON_HEADER))
                .hasValueSatisfying(message -> assertThat(message).contains("C3 01"));
        // Intake's status projection reads a poll as one batch: the poison record alone is dead-lettered there too.
        String intakeDeadLetters = Topics.deadLetter(Topics.APPROVED, "intake");
        List<ConsumerRecord<String, byte[]>> deadInIntake = await().atMost(PIPELINE)
                .until(() -> kafka().recordsFor(intakeDeadLetters, articleId), records -> !records.isEmpty());
        assertThat(deadInIntake)
                .singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo(garbage));
    }

    @Test
    default void anApprovalWhoseTextWasAlteredIsDeadLetteredAndNeverPublished() {
        assertRefusedByRendering("tampered-" + UUID.randomUUID(), true, true, "hash");
    }

    @Test
    default void anApprovalNotIssuedByTheReviewServiceIsDeadLetteredAndNeverPublished() {
        // Whoever can write to article.approved can compute a content hash, but not the review service's signature.
        assertRefusedByRendering("forged-" + UUID.randomUUID(), false, false, "not signed by the review service");
    }

    @Test
    default void htmlAlteredAfterRenderingIsDeadLetteredByDistributionAndNeverPublished() {
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
        kafka().sendRaw(Topics.RENDERED, articleId, EventCatalog.standard().encode(rendered));

        String deadLetters = Topics.deadLetter(Topics.RENDERED, "distribution");
        await().atMost(PIPELINE)
                .until(() -> !kafka().recordsFor(deadLetters, articleId).isEmpty());
        assertThat(header(kafka().recordsFor(deadLetters, articleId).get(0), Topics.DEAD_LETTER_REASON_HEADER))
                .hasValueSatisfying(message -> assertThat(message).contains("not signed by the rendering service"));
        assertThat(kafka().recordsFor(Topics.PUBLISHED, articleId)).isEmpty();
    }

    @Test
    default void aForgedRecordOnThePublicTopicNeverBecomesAPage() {
        String articleId = "forged-publication-" + UUID.randomUUID();
        kafka().sendRaw(
                        Topics.PUBLISHED,
                        articleId,
                        EventCatalog.standard().encode(publication(articleId, articleId + "-forged", false)));
        // Same key, same partition, so once the genuine one is served the forged one has been read and refused.
        kafka().sendRaw(
                        Topics.PUBLISHED,
                        articleId,
                        EventCatalog.standard().encode(publication(articleId, articleId + "-sealed", true)));

        await().atMost(PIPELINE)
                .until(() -> Http.get(distribution() + "/articles/" + articleId + "-sealed", null)
                                .status()
                        == 200);
        assertThat(Http.get(distribution() + "/articles/" + articleId + "-forged", null)
                        .status())
                .isEqualTo(404);
        assertThat(Http.get(distribution() + "/feed.json", null).body()).doesNotContain(articleId + "-forged");
    }

    @Test
    default void approvedMarkdownNestedTooDeepIsDeadLetteredAndTheNextArticleStillPublishes() {
        String articleId = "deep-" + UUID.randomUUID();
        // Both reach rendering only as signed approvals (intake refuses such drafts): one deeper than rendering
        // renders, one deep enough to overflow Flexmark's parser. Same key, so the same partition as the next one.
        String tooDeep = ">".repeat(1_000) + " Blue light may delay sleep.\n";
        String overflowing = "*".repeat(20_000) + "Blue light may delay sleep." + "*".repeat(20_000) + "\n";
        kafka().sendRaw(
                        Topics.APPROVED,
                        articleId,
                        EventCatalog.standard().encode(approval(articleId, true, false, tooDeep)));
        kafka().sendRaw(
                        Topics.APPROVED,
                        articleId,
                        EventCatalog.standard().encode(approval(articleId, true, false, overflowing)));
        kafka().sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, true, false)));

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getHtml()).contains("Blue light in the evening may delay sleep onset.");
        String deadLetters = Topics.deadLetter(Topics.APPROVED, "rendering");
        await().atMost(PIPELINE)
                .until(() -> kafka().recordsFor(deadLetters, articleId).size() >= 2);
        assertThat(kafka().recordsFor(deadLetters, articleId))
                .extracting(r -> header(r, Topics.DEAD_LETTER_REASON_HEADER).orElse(""))
                .anySatisfy(reason -> assertThat(reason).contains("nested", "levels deep"))
                .anySatisfy(reason -> assertThat(reason).contains("StackOverflowError"));
        assertThat(kafka().recordsFor(Topics.PUBLISHED, articleId)).hasSize(1);
        assertThat(Http.get(rendering() + "/actuator/health", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    private void assertRefusedByRendering(String articleId, boolean sealed, boolean altered, String reason) {
        kafka().sendRaw(
                        Topics.APPROVED,
                        articleId,
                        EventCatalog.standard().encode(approval(articleId, sealed, altered)));

        String deadLetters = Topics.deadLetter(Topics.APPROVED, "rendering");
        await().atMost(PIPELINE)
                .until(() -> !kafka().recordsFor(deadLetters, articleId).isEmpty());
        assertThat(header(kafka().recordsFor(deadLetters, articleId).get(0), Topics.DEAD_LETTER_REASON_HEADER))
                .hasValueSatisfying(message -> assertThat(message).containsIgnoringCase(reason));
        assertThat(kafka().recordsFor(Topics.RENDERED, articleId)).isEmpty();
        assertThat(kafka().recordsFor(Topics.PUBLISHED, articleId)).isEmpty();
    }

    @Test
    default void aDownstreamSiteVerifiesAPublishedArticleWithOnlyTheJwkSet() throws Exception {
        String articleId = "verified-" + UUID.randomUUID();
        kafka().sendRaw(Topics.APPROVED, articleId, EventCatalog.standard().encode(approval(articleId, true, false)));
        ArticlePublished published = awaitPublished(articleId, 1);
        await().atMost(PIPELINE)
                .until(() -> Http.get(distribution() + "/api/articles/" + published.getSlug(), null)
                                .status()
                        == 200);

        // What a downstream site does: fetch the key set and the article, nothing else.
        JWKSet keys = JWKSet.parse(
                Http.get(distribution() + "/.well-known/jwks.json", null).body());
        String served = Http.get(distribution() + "/api/articles/" + published.getSlug(), null)
                .body();
        assertThat(genuine(keys, served)).as(served).isTrue();
        JsonNode article = Http.JSON.readTree(served);
        JWSObject jws = JWSObject.parse(article.path("signature").asString());
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims.get("title")).isEqualTo(published.getTitle());
        assertThat(claims.get("url")).isEqualTo(published.getUrl());
        assertThat(claims.get("medicallyReviewedBy"))
                .isEqualTo(Map.of(
                        "name",
                        published.getMedicallyReviewedBy().getDisplayName(),
                        "credential",
                        published.getMedicallyReviewedBy().getCredential()));

        // An article altered on the way (a cache, a proxy) no longer matches its signature: its HTML, or any field
        // a site displays beside it.
        ObjectNode alteredHtml = (ObjectNode) Http.JSON.readTree(served);
        alteredHtml.put("html", article.path("html").asString().replace("may delay", "delays"));
        assertThat(genuine(keys, Http.JSON.writeValueAsString(alteredHtml))).isFalse();
        ObjectNode alteredCredential = (ObjectNode) Http.JSON.readTree(served);
        ((ObjectNode) alteredCredential.path("medicallyReviewedBy")).put("credential", "PhD");
        assertThat(genuine(keys, Http.JSON.writeValueAsString(alteredCredential)))
                .isFalse();
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
        article.put(
                "htmlSha256",
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8))));
        return key != null
                && jws.getHeader().getAlgorithm().equals(JWSAlgorithm.EdDSA)
                && jws.verify(new Ed25519Verifier(key))
                && Http.JSON.readTree(jws.getPayload().toString()).equals(article);
    }

    /**
     * An approval as review would issue it, signed with the local profile's demo key ({@code sealed}) or not, and
     * optionally with its text altered after the hash was taken.
     */
    static ArticleApproved approval(String articleId, boolean sealed, boolean alterAfterApproval) {
        return approval(articleId, sealed, alterAfterApproval, "Blue light in the evening may delay sleep onset.\n");
    }

    private static ArticleApproved approval(String articleId, boolean sealed, boolean alterAfterApproval, String body) {
        String title = "Sleep and Screens";
        Reviewer reviewer = new Reviewer("rita", "Rita Reyes", "MD");
        List<Author> authors = List.of(new Author("walter", "Walter Webb"));
        Approval approval = Approval.newBuilder()
                .setRevision(1)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(
                        articleId,
                        title,
                        null,
                        body,
                        List.of(),
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
}
