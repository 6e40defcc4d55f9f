package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.PipelineSteps.elements;
import static org.vetted.e2e.PipelineSteps.fixture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.Reviewer;
import tools.jackson.databind.JsonNode;

/**
 * The gate: nothing reaches the published topic without every claim approved by someone who may, in the exact
 * text; decisions and revisions that try to carry an approval where it does not belong inherit nothing.
 */
interface GateScenarios extends PipelineSteps {
    @Test
    default void anArticleWithAClaimNotApprovedNeverReachesThePublishedTopic() {
        String articleId =
                submit("walter", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        List<JsonNode> claims = elements(underReview.path("claims"));
        decide("rita", articleId, underReview, claims.get(0).path("id").asString(), "REJECTED");
        for (JsonNode claim : claims.subList(1, claims.size())) {
            decide("rita", articleId, underReview, claim.path("id").asString(), "APPROVED");
        }

        Http.Response approve = signOff(
                "rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.contentType()).startsWith("application/problem+json");
        assertThat(signOff(
                                "rita",
                                articleId,
                                "REQUEST_CHANGES",
                                underReview.path("contentHash").asString())
                        .status())
                .isEqualTo(200);

        await().atMost(PIPELINE)
                .untilAsserted(() -> assertThat(Http.get(intake() + "/api/articles/" + articleId, "walter")
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("CHANGES_REQUESTED"));
        // The only road to publication is an approval: neither topic holds anything for this article.
        assertThat(kafka().recordsFor(Topics.APPROVED, articleId)).isEmpty();
        assertThat(kafka().recordsFor(Topics.PUBLISHED, articleId)).isEmpty();
    }

    @TopologyIndependent
    @Test
    default void aWriterCannotApproveAndAReviewerCannotApproveTheirOwnArticle() {
        String wandasArticle =
                submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(wandasArticle, 1);
        String claimId = underReview.path("claims").path(0).path("id").asString();
        assertThat(decideResponse("wanda", wandasArticle, underReview, claimId, "APPROVED")
                        .status())
                .isEqualTo(403);
        assertThat(signOff(
                                "wanda",
                                wandasArticle,
                                "APPROVE",
                                underReview.path("contentHash").asString())
                        .status())
                .isEqualTo(403);

        String danasArticle =
                submit("dana", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode danas = awaitUnderReview(danasArticle, 1);
        assertThat(decideResponse(
                                "dana",
                                danasArticle,
                                danas,
                                danas.path("claims").path(0).path("id").asString(),
                                "APPROVED")
                        .status())
                .isEqualTo(403);
        assertThat(signOff(
                                "dana",
                                danasArticle,
                                "APPROVE",
                                danas.path("contentHash").asString())
                        .status())
                .isEqualTo(403);
        assertThat(kafka().recordsFor(Topics.APPROVED, wandasArticle)).isEmpty();
        assertThat(kafka().recordsFor(Topics.APPROVED, danasArticle)).isEmpty();
    }

    @TopologyIndependent
    @Test
    default void aCoAuthorSpelledFiveWaysCannotApproveHerOwnArticle() {
        for (String credit :
                List.of("Dana Diaz, RD", "dr. dana diaz", "DANA  DÍAZ", "Diaz, Dana", "Dana Díaz MD, MPH")) {
            String markdown = "---\ntitle: Can Magnesium Calm Anxiety?\nauthors: [\"" + credit + "\"]\n---\n"
                    + "Magnesium may reduce anxiety symptoms in adults, small trials suggest.\n";
            Http.Response posted =
                    Http.post(intake() + "/api/drafts", "wanda", "text/markdown; charset=UTF-8", markdown);
            assertThat(posted.status()).as(posted.body()).isEqualTo(202);
            String articleId = posted.json().path("articleId").asString();
            JsonNode underReview = awaitUnderReview(articleId, 1);

            Http.Response decided = decideResponse(
                    "dana",
                    articleId,
                    underReview,
                    underReview.path("claims").path(0).path("id").asString(),
                    "APPROVED");
            assertThat(decided.status())
                    .as("credited as %s: %s", credit, decided.body())
                    .isEqualTo(403);
            assertThat(signOff(
                                    "dana",
                                    articleId,
                                    "APPROVE",
                                    underReview.path("contentHash").asString())
                            .status())
                    .as("credited as %s", credit)
                    .isEqualTo(403);
        }
    }

    @Test
    default void aClaimDecisionWrittenStraightToTheTopicDoesNotCount() {
        String articleId =
                submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        List<JsonNode> claims = elements(underReview.path("claims"));
        Signatures renderingAsReview = new Signatures(
                SigningKey.parse(
                        Issuer.REVIEW, DemoKeys.signingKey(Issuer.RENDERING).privateJwk()),
                DemoKeys.trusted());
        for (JsonNode claim : claims) {
            ClaimReviewed forged =
                    forgedDecision(articleId, underReview, claim.path("id").asString());
            kafka().sendRaw(
                            Topics.CLAIM_REVIEWED,
                            articleId,
                            EventCatalog.standard().encode(forged));
            kafka().sendRaw(
                            Topics.CLAIM_REVIEWED,
                            articleId,
                            EventCatalog.standard()
                                    .encode(renderingAsReview.sign(forgedDecision(
                                            articleId,
                                            underReview,
                                            claim.path("id").asString()))));
        }
        // A decision review really signed, behind the forged ones on the same partition: once review shows it, it
        // has read past every forged one.
        String marker = claims.get(0).path("id").asString();
        kafka().sendRaw(
                        Topics.CLAIM_REVIEWED,
                        articleId,
                        EventCatalog.standard()
                                .encode(REVIEW.sign(
                                        ClaimReviewed.newBuilder(forgedDecision(articleId, underReview, marker))
                                                .setReviewer(new Reviewer("paul", "Paul Park", "PharmD"))
                                                .build())));
        await().atMost(PIPELINE)
                .until(() -> Http.get(review() + "/api/reviews/" + articleId, "rita")
                        .json()
                        .path("claims")
                        .path(0)
                        .path("decision")
                        .path("reviewer")
                        .path("username")
                        .asString()
                        .equals("paul"));

        JsonNode board =
                Http.get(review() + "/api/reviews/" + articleId, "rita").json();
        for (JsonNode claim : elements(board.path("claims")).subList(1, claims.size())) {
            assertThat(claim.path("decision").isNull())
                    .as("claim %s decided by a forged record", claim.path("id"))
                    .isTrue();
        }
        Http.Response signOff = signOff(
                "rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(signOff.status()).as(signOff.body()).isEqualTo(409);
        assertThat(kafka().recordsFor(Topics.APPROVED, articleId)).isEmpty();
    }

    /**
     * Two sentences with the same short claim id: revision 2 (signed as intake signs, since intake itself gives one
     * revision's claims distinct ids and the pair is built here) puts a harmful sentence under the id of an approved
     * benign one. Its approval does not carry, the library does not offer it, and the sign-off is refused.
     */
    @Test
    default void aSentenceSharingAnApprovedOnesShortIdInheritsNothing() {
        String articleId =
                submit("wanda", "zinc-and-colds.txt", null).path("articleId").asString();
        approveAndSignOff("paul", articleId, 1);
        awaitPublished(articleId, 1);

        DraftSubmitted one = (DraftSubmitted) EventCatalog.standard()
                .decode(kafka().recordsFor(Topics.DRAFT_SUBMITTED, articleId)
                        .get(0)
                        .value());
        org.vetted.events.Claim benign = one.getClaims().stream()
                .filter(claim -> one.getBodyMarkdown().contains(claim.getText()))
                .findFirst()
                .orElseThrow();
        String harmful = "Zinc cures every cold in all adults, so most people can safely skip seeing a doctor.";
        String body = one.getBodyMarkdown().replace(benign.getText(), harmful);
        List<org.vetted.events.Claim> claims = new ArrayList<>(one.getClaims().stream()
                .map(claim -> claim == benign
                        ? org.vetted.events.Claim.newBuilder(claim)
                                .setText(harmful)
                                .build()
                        : claim)
                .toList());
        DraftSubmitted two = DraftSubmitted.newBuilder(one)
                .setEventId(UUID.randomUUID().toString())
                .setRevision(2)
                .setBodyMarkdown(body)
                .setClaims(claims)
                .setSubmittedAt(Instant.now())
                .setSignature(null)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(
                        one.getSlug(),
                        one.getTitle(),
                        one.getSummary(),
                        body,
                        one.getTags(),
                        one.getAuthors().stream()
                                .map(author -> new ContentHash.Credit(author.getUsername(), author.getDisplayName()))
                                .toList())))
                .build();
        kafka().sendRaw(
                        Topics.DRAFT_SUBMITTED,
                        articleId,
                        EventCatalog.standard().encode(INTAKE.sign(two)));

        JsonNode revision2 = awaitUnderReview(articleId, 2);
        JsonNode claim = elements(revision2.path("claims")).stream()
                .filter(each -> each.path("id").asString().equals(benign.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(claim.path("text").asString()).isEqualTo(harmful);
        assertThat(claim.path("open").asBoolean())
                .as("same id, other text: nothing carries")
                .isTrue();
        assertThat(claim.path("carriedOver").isMissingNode()
                        || claim.path("carriedOver").isNull())
                .isTrue();
        assertThat(elements(revision2.path("claims")))
                .filteredOn(each -> each != claim)
                .allSatisfy(each -> assertThat(each.path("open").asBoolean()).isFalse());
        Http.Response accepted = Http.post(
                review() + "/api/reviews/" + articleId + "/claims/" + benign.getId() + "/accept-library",
                "rita",
                "application/json",
                "{\"revision\":2}");
        assertThat(accepted.status()).as(accepted.body()).isGreaterThanOrEqualTo(400);
        assertThat(signOff("rita", articleId, "APPROVE", two.getContentHash()).status())
                .isEqualTo(409);
        assertThat(kafka().recordsFor(Topics.APPROVED, articleId)).hasSize(1);
    }

    /**
     * A rejection is not forgotten when its claim is dropped and brought back: revision 1 approved, revision 2
     * rejects claim A, revision 3 drops it, revision 4 restores it. A is open in revision 4, not carried from 1.
     */
    @TopologyIndependent
    @Test
    default void aRejectedClaimDroppedAndBroughtBackIsOpenAgain() {
        String v1 = fixture("zinc-and-colds.txt");
        String articleId =
                journeys().submit("wanda", v1, null).json().path("articleId").asString();
        JsonNode revision1 = approveAndSignOff("rita", articleId, 1);
        awaitPublished(articleId, 1);
        JsonNode a = elements(revision1.path("claims")).stream()
                .filter(claim -> v1.contains(claim.path("text").asString())
                        && claim.path("approvalsNeeded").asInt() == 1)
                .findFirst()
                .orElseThrow();
        String sentence = a.path("text").asString();

        assertThat(journeys()
                        .submit("wanda", v1.replace("The Bottom Line", "In Short"), articleId)
                        .status())
                .isEqualTo(202);
        JsonNode revision2 = awaitUnderReview(articleId, 2);
        String aInTwo = idOf(revision2, sentence);
        decide("paul", articleId, revision2, aInTwo, "REJECTED");
        assertThat(signOff(
                                "paul",
                                articleId,
                                "REQUEST_CHANGES",
                                revision2.path("contentHash").asString())
                        .status())
                .isEqualTo(200);

        assertThat(journeys()
                        .submit(
                                "wanda",
                                v1.replace(sentence, "Zinc lozenges taste of metal to many people."),
                                articleId)
                        .status())
                .isEqualTo(202);
        JsonNode revision3 = awaitUnderReview(articleId, 3);
        for (JsonNode claim : elements(revision3.path("claims"))) {
            if (claim.path("open").asBoolean() && claim.path("approvalsNeeded").asInt() == 1) {
                decide("rita", articleId, revision3, claim.path("id").asString(), "APPROVED");
            }
        }

        assertThat(journeys()
                        .submit("wanda", v1.replace("The Bottom Line", "The Short Answer"), articleId)
                        .status())
                .isEqualTo(202);
        JsonNode revision4 = awaitUnderReview(articleId, 4);
        JsonNode back = elements(revision4.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(sentence))
                .findFirst()
                .orElseThrow();
        assertThat(back.path("open").asBoolean())
                .as("Paul's rejection in revision 2 stands")
                .isTrue();
        assertThat(back.path("carriedOver").isMissingNode()
                        || back.path("carriedOver").isNull())
                .isTrue();
    }

    /**
     * Context: a claim's section is its whole heading path, and the same sentence under another heading is a claim
     * of its own there, with the risk classes of its path, each reviewed on its own.
     */
    @TopologyIndependent
    @Test
    default void theSameSentenceUnderTwoHeadingPathsIsTwoClaimsEachWithItsRisk() {
        String sentence = "Arnica cream is safe to use on bruises every day.";
        String draft = "# Arnica for Bruises\n\n## During pregnancy\n\n### Everyday use\n\n" + sentence
                + "\n\n## For children\n\n" + sentence + "\n";
        Http.Response submitted = Http.post(intake() + "/api/drafts", "wanda", "text/markdown; charset=UTF-8", draft);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String articleId = submitted.json().path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);

        List<JsonNode> arnica = elements(underReview.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(sentence))
                .toList();
        assertThat(arnica)
                .extracting(claim -> claim.path("section").asString())
                .containsExactly("During pregnancy › Everyday use", "For children");
        assertThat(arnica).extracting(claim -> claim.path("id").asString()).doesNotHaveDuplicates();
        assertThat(arnica.get(0).path("riskClasses").toString()).contains("PREGNANCY");
        assertThat(arnica.get(1).path("riskClasses").toString()).contains("CHILDREN");

        String pregnancy = arnica.get(0).path("id").asString();
        decide("rita", articleId, underReview, pregnancy, "APPROVED");
        JsonNode afterOne = awaitUnderReview(articleId, 1);
        JsonNode stillOpen = elements(afterOne.path("claims")).stream()
                .filter(claim -> claim.path("id").asString().equals(pregnancy))
                .findFirst()
                .orElseThrow();
        assertThat(stillOpen.path("open").asBoolean())
                .as("a pregnancy claim needs a second reviewer")
                .isTrue();
        assertThat(elements(afterOne.path("claims")).stream()
                        .filter(claim -> claim.path("id")
                                .asString()
                                .equals(arnica.get(1).path("id").asString()))
                        .findFirst()
                        .orElseThrow()
                        .path("decisions")
                        .size())
                .as("the other is decided on its own")
                .isZero();
        assertThat(signOff(
                                "paul",
                                articleId,
                                "APPROVE",
                                underReview.path("contentHash").asString())
                        .status())
                .isEqualTo(409);
    }

    private static String idOf(JsonNode underReview, String text) {
        return elements(underReview.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(text))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    private static ClaimReviewed forgedDecision(String articleId, JsonNode underReview, String claimId) {
        return ClaimReviewed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setRevision(underReview.path("revision").asInt())
                .setContentHash(underReview.path("contentHash").asString())
                .setClaimId(claimId)
                .setDecision(ClaimDecision.APPROVED)
                .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                .setReviewedAt(Instant.now())
                .build();
    }
}
