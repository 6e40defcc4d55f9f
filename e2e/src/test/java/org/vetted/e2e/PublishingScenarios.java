package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.PipelineSteps.elements;
import static org.vetted.e2e.PipelineSteps.fixture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vetted.contract.Topics;
import org.vetted.events.ArticlePublished;
import tools.jackson.databind.JsonNode;

/** Publication on a real broker: a paste reviewed and published, revisions, the claims library, restarts. */
interface PublishingScenarios extends PipelineSteps {
    @Test
    default void everyTopicIsKeptForeverWithTheClustersReplication() {
        int minInsync = Math.max(1, replicationFactor() - 1);
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.deadLetter(Topics.APPROVED, "rendering"));
        topics.add(Topics.deadLetter(Topics.DRAFT_SUBMITTED, "review"));
        for (String topic : topics) {
            assertThat(kafka().topicConfig(topic, "retention.ms")).as(topic).isEqualTo("-1");
            assertThat(kafka().topicConfig(topic, "cleanup.policy")).as(topic).isEqualTo("delete");
            assertThat(kafka().topicConfig(topic, "min.insync.replicas"))
                    .as(topic)
                    .isEqualTo(Integer.toString(minInsync));
            assertThat(kafka().replicas(topic)).as(topic).isEqualTo(replicationFactor());
        }
        assertThat(kafka().topicConfig(Topics.CLAIMS_LIBRARY, "cleanup.policy")).isEqualTo("compact");
        assertThat(kafka().replicas(Topics.CLAIMS_LIBRARY)).isEqualTo(replicationFactor());
    }

    @Test
    default void aWritersPastedDraftIsReviewedRenderedAndPublished() {
        JsonNode submitted = submit("wanda", "zinc-and-colds.txt", null);
        String articleId = submitted.path("articleId").asString();
        assertThat(submitted.path("claims").size())
                .as("claims found in the paste")
                .isGreaterThanOrEqualTo(3);
        assertThat(submitted.path("warnings").toString())
                .contains("Leave a Reply")
                .contains("Brennan");

        JsonNode underReview = awaitUnderReview(articleId, 1);
        // The paste's dose claim needs four eyes: Rita approves every claim, Paul that one too, Rita signs off.
        assertThat(elements(underReview.path("claims")))
                .as("a claim that needs two reviewers")
                .anySatisfy(claim ->
                        assertThat(claim.path("approvalsNeeded").asInt()).isEqualTo(2));
        approveEveryClaim("rita", articleId, underReview);
        Http.Response signed = signOff(
                "rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getContentHash())
                .isEqualTo(submitted.path("contentHash").asString());
        assertThat(published.getTitle()).isEqualTo("Can Zinc Shorten a Common Cold?");
        assertThat(published.getMedicallyReviewedBy().getCredential()).isEqualTo("MD");
        // Both reviewers the publication rests on are credited, the signer first: in the event, byline, page, JSON.
        String credits = "Rita Reyes, MD and Paul Park, PharmD";
        assertThat(published.getMedicalReviewers())
                .extracting(reviewer -> reviewer.getDisplayName())
                .containsExactly("Rita Reyes", "Paul Park");
        assertThat(published.getHtml())
                .contains("Medically reviewed by " + credits)
                .doesNotContain("Leave a Reply");

        Http.Response page = Http.get(distribution() + "/articles/" + published.getSlug(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Can Zinc Shorten a Common Cold?")
                .contains("Medically reviewed by " + credits)
                .contains("<a class=\"home\" rel=\"home\" href=\"/\">");
        // The page proves its review: each claim with its reviewers and the reference they attached, signed
        // through every hop, and a MedicalWebPage naming the reviewers with their credentials.
        assertThat(published.getClaimProvenance())
                .hasSize(submitted.path("claims").size());
        assertThat(published.getClaimProvenance())
                .allSatisfy(claim -> assertThat(claim.getApprovals())
                        .isNotEmpty()
                        .allSatisfy(approval -> assertThat(approval.getReferenceUrl())
                                .isEqualTo("https://example.org/cochrane-review")));
        assertThat(page.body().split("<li class=\"claim\">", -1))
                .hasSize(published.getClaimProvenance().size() + 1);
        assertThat(page.body())
                .contains("How this article was reviewed")
                .containsSubsequence("<li class=\"claim\">", "<q>", "Rita Reyes, MD")
                .contains("<a href=\"https://example.org/cochrane-review\" rel=\"nofollow noopener\">");
        java.util.regex.Matcher jsonLd = java.util.regex.Pattern.compile(
                        "<script type=\"application/ld\\+json\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(page.body());
        assertThat(jsonLd.find()).as("a JSON-LD block").isTrue();
        JsonNode medicalWebPage =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(jsonLd.group(1));
        assertThat(medicalWebPage.path("@type").asString()).isEqualTo("MedicalWebPage");
        assertThat(elements(medicalWebPage.path("reviewedBy")))
                .extracting(
                        reviewer -> reviewer.path("name").asString(),
                        reviewer -> reviewer.path("hasCredential").path("name").asString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Rita Reyes", "MD"),
                        org.assertj.core.groups.Tuple.tuple("Paul Park", "PharmD"));
        Http.Response atom = Http.get(distribution() + "/feed.atom", null);
        assertThat(atom.status()).isEqualTo(200);
        com.rometools.rome.feed.synd.SyndFeed atomFeed;
        try {
            atomFeed = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(atom.body()));
        } catch (com.rometools.rome.io.FeedException e) {
            throw new AssertionError("the Atom feed does not parse: " + e.getMessage(), e);
        }
        assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atomFeed.getEntries())
                .extracting(entry -> entry.getLink())
                .contains(distribution() + "/articles/" + published.getSlug());
        JsonNode feed = Http.get(distribution() + "/feed.json", null).json();
        assertThat(feed.path("items").toString()).contains(distribution() + "/articles/" + published.getSlug());
        JsonNode article = Http.get(distribution() + "/api/articles/" + published.getSlug(), null)
                .json();
        assertThat(elements(article.path("medicalReviewers")))
                .extracting(reviewer -> reviewer.path("name").asString())
                .containsExactly("Rita Reyes", "Paul Park");
        Http.Response home = Http.get(distribution() + "/", null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("href=\"/articles/" + published.getSlug() + "\"")
                .contains(credits);

        await().atMost(PIPELINE)
                .untilAsserted(() -> assertThat(Http.get(intake() + "/api/articles/" + articleId, "wanda")
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("PUBLISHED"));
        assertThat(Http.get(intake() + "/api/articles/" + articleId, "wanda")
                        .json()
                        .path("history")
                        .toString())
                .contains("approved by " + credits);
    }

    @Test
    default void anEditAfterApprovalNeedsANewApproval() {
        JsonNode first = submit("wanda", "zinc-and-colds.txt", null);
        String articleId = first.path("articleId").asString();
        approveAndSignOff("paul", articleId, 1);
        awaitPublished(articleId, 1);

        JsonNode second = submit("wanda", "zinc-and-colds-revised.txt", articleId);
        assertThat(second.path("revision").asInt()).isEqualTo(2);
        assertThat(second.path("contentHash").asString())
                .isNotEqualTo(first.path("contentHash").asString());
        JsonNode revision2 = awaitUnderReview(articleId, 2);

        // Unchanged claims carry their approval over; the changed ones are open, so the sign-off waits for them, and
        // a sign-off naming revision 1's hash is refused.
        assertThat(elements(revision2.path("claims")))
                .anyMatch(claim -> claim.path("open").asBoolean());
        assertThat(signOff(
                                "paul",
                                articleId,
                                "APPROVE",
                                revision2.path("contentHash").asString())
                        .status())
                .isEqualTo(409);
        approveEveryClaim("paul", articleId, revision2);
        assertThat(signOff(
                                "paul",
                                articleId,
                                "APPROVE",
                                first.path("contentHash").asString())
                        .status())
                .isEqualTo(409);
        assertThat(signOff(
                                "paul",
                                articleId,
                                "APPROVE",
                                revision2.path("contentHash").asString())
                        .status())
                .isEqualTo(200);

        ArticlePublished republished = awaitPublished(articleId, 2);
        assertThat(republished.getContentHash())
                .isEqualTo(second.path("contentHash").asString());
        assertThat(republished.getHtml()).contains("by about one day");
    }

    /**
     * Materiality: a revision that fixes a typo, rewords one claim and strengthens the hedge of another reopens
     * exactly those two; every other approval carries over, and deciding the two is enough to publish revision 2.
     */
    @TopologyIndependent
    @Test
    default void aRevisionReopensOnlyTheRewordedAndTheStrengthenedClaim() {
        String v1 = fixture("walking-and-mood.md");
        Http.Response first = Http.post(intake() + "/api/drafts", "wanda", "text/markdown; charset=UTF-8", v1);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String articleId = first.json().path("articleId").asString();
        JsonNode revision1 = awaitUnderReview(articleId, 1);
        String hedged = "Regular walking may help reduce symptoms of mild depression.";
        String reworded = "Walking outdoors is thought to improve sleep quality.";
        assertThat(elements(revision1.path("claims")))
                .extracting(claim -> claim.path("text").asString())
                .as("claims found in revision 1")
                .contains(hedged, reworded)
                .hasSizeGreaterThanOrEqualTo(3)
                .as("the sentence with the typo is no claim")
                .noneMatch(text -> text.contains("thier"));
        approveEveryClaim("rita", articleId, revision1);
        assertThat(signOff(
                                "rita",
                                articleId,
                                "APPROVE",
                                revision1.path("contentHash").asString())
                        .status())
                .isEqualTo(200);
        awaitPublished(articleId, 1);

        String v2 = v1.replace("thier", "their")
                .replace(hedged, "Regular walking reduces symptoms of mild depression.")
                .replace(reworded, "Walking outdoors is thought to improve how well you sleep.");
        Http.Response second =
                Http.post(intake() + "/api/drafts?articleId=" + articleId, "wanda", "text/markdown; charset=UTF-8", v2);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        JsonNode revision2 = awaitUnderReview(articleId, 2);

        List<JsonNode> open = elements(revision2.path("claims")).stream()
                .filter(claim -> claim.path("open").asBoolean())
                .toList();
        assertThat(open)
                .extracting(claim -> claim.path("text").asString())
                .containsExactlyInAnyOrder(
                        "Regular walking reduces symptoms of mild depression.",
                        "Walking outdoors is thought to improve how well you sleep.");
        assertThat(open)
                .anySatisfy(claim ->
                        assertThat(claim.path("drift").path("kind").asString()).isEqualTo("HEDGE_REMOVED"));
        assertThat(elements(revision2.path("claims")))
                .filteredOn(claim -> !claim.path("open").asBoolean())
                .isNotEmpty()
                .allSatisfy(claim -> {
                    assertThat(claim.path("carriedOver").path("fromRevision").asInt())
                            .isEqualTo(1);
                    assertThat(claim.path("carriedOver")
                                    .path("decision")
                                    .path("decision")
                                    .asString())
                            .isEqualTo("APPROVED");
                });
        assertThat(signOff(
                                "rita",
                                articleId,
                                "APPROVE",
                                revision2.path("contentHash").asString())
                        .status())
                .as("two claims still open")
                .isEqualTo(409);

        for (JsonNode claim : open) {
            decide("rita", articleId, revision2, claim.path("id").asString(), "APPROVED");
        }
        assertThat(signOff(
                                "rita",
                                articleId,
                                "APPROVE",
                                revision2.path("contentHash").asString())
                        .status())
                .isEqualTo(200);
        ArticlePublished published = awaitPublished(articleId, 2);
        assertThat(published.getHtml())
                .contains("reduces symptoms of mild depression")
                .contains("their questions");
    }

    /**
     * The claims library: a claim approved with its reference enters claims.library (compacted, signed, committed
     * with the approval); the same sentence in another article is offered with that reference and accepted with
     * one action; retiring the entry reopens the claim in an article not yet approved.
     */
    @Test
    default void anApprovedClaimIsOfferedFromTheLibraryWithItsReferenceAndRetiringItReopensTheClaim() {
        String sentence = "Tai chi may improve balance in older adults.";
        String doi = "doi:10.1000/e2e.taichi.2024";
        String first = postMarkdown(
                "wanda",
                "---\ntitle: Can Tai Chi Keep You Steady?\n---\n" + sentence
                        + "\n\nClasses meet in many community centres.\n");
        JsonNode underReview = awaitUnderReview(first, 1);
        String claimId = claimWithText(underReview, sentence).path("id").asString();
        approveEveryClaim("rita", first, underReview);
        Http.Response withDoi = Http.postJson(
                review() + "/api/reviews/" + first + "/claims/" + claimId,
                "rita",
                Map.of("decision", "APPROVED", "reference", doi, "revision", 1));
        assertThat(withDoi.status()).as(withDoi.body()).isEqualTo(200);
        assertThat(signOff(
                                "rita",
                                first,
                                "APPROVE",
                                underReview.path("contentHash").asString())
                        .status())
                .isEqualTo(200);
        awaitPublished(first, 1);

        JsonNode entry = await().atMost(PIPELINE)
                .until(
                        () -> Http.get(review() + "/api/claims?query=tai%20chi%20balance", "paul")
                                .json(),
                        found -> found.size() == 1)
                .get(0);
        String key = entry.path("key").asString();
        assertThat(entry.path("references").toString()).contains(doi);
        assertThat(entry.path("reviewer").path("username").asString()).isEqualTo("rita");
        assertThat(kafka().recordsFor(Topics.CLAIMS_LIBRARY, key))
                .as("committed on claims.library")
                .isNotEmpty();
        assertThat(kafka().topicConfig(Topics.CLAIMS_LIBRARY, "cleanup.policy")).isEqualTo("compact");

        // The same sentence in another article: offered with its reference, accepted with one action.
        String second = postMarkdown("walter", "---\ntitle: Balance Training After Sixty\n---\n" + sentence + "\n");
        JsonNode secondReview = awaitUnderReview(second, 1);
        JsonNode offered = claimWithText(secondReview, sentence);
        assertThat(offered.path("library").path("key").asString()).isEqualTo(key);
        assertThat(offered.path("library").path("references").toString()).contains(doi);
        Http.Response accepted = Http.postJson(
                review() + "/api/reviews/" + second + "/claims/"
                        + offered.path("id").asString() + "/accept-library",
                "paul",
                Map.of("revision", 1));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode afterAccept = claimWithText(
                Http.get(review() + "/api/reviews/" + second, "paul").json(), sentence);
        assertThat(afterAccept.path("open").asBoolean()).isFalse();
        assertThat(afterAccept.path("decision").path("reference").asString()).isEqualTo(doi);

        // Retired: the article not yet approved has the claim open again, and cannot be approved.
        Http.Response retired = Http.postJson(
                review() + "/api/claims/" + key + "/retire",
                "rita",
                Map.of("reason", "Superseded by a 2026 meta-analysis."));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        await().atMost(PIPELINE)
                .until(() -> claimWithText(
                                Http.get(review() + "/api/reviews/" + second, "paul")
                                        .json(),
                                sentence)
                        .path("open")
                        .asBoolean());
        assertThat(signOff(
                                "paul",
                                second,
                                "APPROVE",
                                secondReview.path("contentHash").asString())
                        .status())
                .isEqualTo(409);
        assertThat(claimWithText(
                                Http.get(review() + "/api/reviews/" + second, "paul")
                                        .json(),
                                sentence)
                        .path("library")
                        .isNull())
                .as("a retired entry is not offered")
                .isTrue();
    }

    private String postMarkdown(String writer, String markdown) {
        Http.Response response = Http.post(intake() + "/api/drafts", writer, "text/markdown; charset=UTF-8", markdown);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("articleId").asString();
    }

    private static JsonNode claimWithText(JsonNode underReview, String text) {
        return elements(underReview.path("claims")).stream()
                .filter(claim -> claim.path("text").asString().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no claim \"" + text + "\" in " + underReview));
    }

    @Test
    default void reviewAndStatusSurviveRestartsBecauseTheyAreReplayedFromTheLog() throws Exception {
        String articleId =
                submit("walter", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        List<JsonNode> claims = elements(underReview.path("claims"));
        decide("paul", articleId, underReview, claims.get(0).path("id").asString(), "APPROVED");

        // Healthy again only once the board has been rebuilt from the topics: no waiting needed after this.
        fleet().restart("review", Duration.ofMinutes(3));
        JsonNode replayed =
                Http.get(review() + "/api/reviews/" + articleId, "paul").json();
        assertThat(replayed.path("revision").asInt()).isEqualTo(1);
        assertThat(replayed.path("claims")
                        .path(0)
                        .path("decision")
                        .path("decision")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(replayed.path("claims").path(1).path("decision").isNull()).isTrue();

        approveEveryClaim("paul", articleId, replayed);
        assertThat(signOff(
                                "paul",
                                articleId,
                                "APPROVE",
                                replayed.path("contentHash").asString())
                        .status())
                .isEqualTo(200);
        awaitPublished(articleId, 1);

        fleet().restart("intake", Duration.ofMinutes(3));
        JsonNode status =
                Http.get(intake() + "/api/articles/" + articleId, "walter").json();
        assertThat(status.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(status.path("history").toString())
                .contains("ArticleApproved")
                .contains("ArticlePublished");
    }
}
