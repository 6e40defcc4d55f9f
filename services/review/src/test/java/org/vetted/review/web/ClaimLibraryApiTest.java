package org.vetted.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.test.web.servlet.ResultActions;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/**
 * The claims library end to end on the test binder: an approval publishes its claims' entries with it, a later
 * article is offered the exact match and close ones, accepting is one action, search, and retiring reopens.
 */
class ClaimLibraryApiTest extends ReviewServiceTest {
    private static final Signatures ANY_SERVICE = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    /** A word no other test uses, so the shared library holds only this test's entries for it. */
    private String token;

    private String claimText;

    @BeforeEach
    void freshClaim() {
        output.clear();
        token = "lib" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        claimText = "Turmeric paste may ease stiff fingers " + token + ".";
    }

    private DraftSubmitted draftWith(String articleId, Claim... claims) {
        return DraftEvents.draft(articleId, 1, false, DraftEvents.body(1), List.of(claims));
    }

    private static Claim claim(String id, String text) {
        return new Claim(id, text, ClaimKind.EFFECT, true, "Does It Work?", false);
    }

    /** Article A: the claim approved by rita with a DOI, signed off by paul. Returns its library entry. */
    private ClaimLibraryEntry approvedInTheLibrary() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = draftWith(articleId, claim("c-lib", claimText));
        submit(draft);
        decideClaim(
                        "rita",
                        articleId,
                        "c-lib",
                        "{\"decision\":\"APPROVED\",\"revision\":1," + "\"reference\":\"https://doi.org/10.1000/"
                                + token + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.reference").value("doi:10.1000/" + token));
        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"" + draft.getContentHash() + "\"}")
                .andExpect(status().isOk());
        List<Object> library = drain(Topics.CLAIMS_LIBRARY);
        assertThat(library).hasSize(1);
        return (ClaimLibraryEntry) library.get(0);
    }

    private List<Object> drain(String topic) {
        List<Object> payloads = new ArrayList<>();
        Message<byte[]> message;
        while ((message = output.receive(200, topic)) != null) {
            if (Topics.CLAIMS_LIBRARY.equals(topic)) {
                assertThat(message.getHeaders().get(KafkaHeaders.KEY))
                        .asString()
                        .startsWith("lib-");
            }
            payloads.add(message.getPayload());
        }
        return payloads;
    }

    @Test
    void anApprovalPublishesEachApprovedClaimWithItsReferenceKeyedByTheClaimAndSigned() throws Exception {
        ClaimLibraryEntry entry = approvedInTheLibrary();

        assertThat(entry.getKey()).isEqualTo(ClaimLibrary.keyOf(claimText));
        assertThat(entry.getClaimText()).isEqualTo(claimText);
        assertThat(entry.getReferences()).containsExactly("doi:10.1000/" + token);
        assertThat(entry.getReviewer().getUsername()).isEqualTo("rita");
        assertThat(entry.getExpiresAt()).isEqualTo(entry.getApprovedAt().plus(java.time.Duration.ofDays(365)));
        assertThat(entry.getRetired()).isNull();
        assertThat(ANY_SERVICE.problem(entry)).as("signed by review").isEmpty();
        // That it commits in the approval's transaction: ReviewWorkflowLibraryTest, DecisionPublisherTest.
    }

    @Test
    void aClaimWithoutAReferenceDoesNotEnterTheLibrary() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = draftWith(articleId, claim("c-lib", claimText));
        submit(draft);
        decideClaim("rita", articleId, "c-lib", "{\"decision\":\"APPROVED\",\"revision\":1}")
                .andExpect(status().isOk());
        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"" + draft.getContentHash() + "\"}")
                .andExpect(status().isOk());

        assertThat(drain(Topics.CLAIMS_LIBRARY)).isEmpty();
    }

    @Test
    void aMalformedReferenceIs400NamingTheField() throws Exception {
        String articleId = newArticleId();
        submit(draftWith(articleId, claim("c-lib", claimText)));

        decideClaim(
                        "rita",
                        articleId,
                        "c-lib",
                        "{\"decision\":\"APPROVED\",\"revision\":1," + "\"reference\":\"javascript:alert(1)\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reference"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("URL")));
    }

    @Test
    void anExactMatchIsOfferedAndAcceptedInOneActionCloseOnesOnlySuggested() throws Exception {
        ClaimLibraryEntry entry = approvedInTheLibrary();
        String articleId = newArticleId();
        submit(draftWith(
                articleId,
                claim("c-same", claimText.toUpperCase().replace(" ", "  ")),
                claim("c-close", "Turmeric paste may ease stiff toes " + token + ".")));

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].library.key").value(entry.getKey()))
                .andExpect(jsonPath("$.claims[0].library.references[0]").value("doi:10.1000/" + token))
                .andExpect(jsonPath("$.claims[0].library.reviewer.username").value("rita"))
                .andExpect(jsonPath("$.claims[0].open").value(true))
                .andExpect(jsonPath("$.claims[1].library").value(nullValue()))
                // Other tests' claims are alike too (the library is shared): ours is the closest.
                .andExpect(jsonPath("$.claims[1].suggestions[0].key").value(entry.getKey()))
                .andExpect(jsonPath("$.claims[1].suggestions[0].claimText").value(claimText))
                .andExpect(jsonPath("$.claims[1].suggestions.length()").value(lessThanOrEqualTo(3)))
                .andExpect(jsonPath("$.claims[1].open").value(true));

        accept("paul", articleId, "c-same")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.decision.decision").value("APPROVED"))
                .andExpect(jsonPath("$.decision.reviewer.username").value("paul"))
                .andExpect(jsonPath("$.decision.reference").value("doi:10.1000/" + token))
                .andExpect(jsonPath("$.decision.comment")
                        .value("accepted from the claims library (" + entry.getKey() + ")"));
        assertThat(drain(Topics.CLAIM_REVIEWED))
                .last()
                .isInstanceOfSatisfying(
                        ClaimReviewed.class,
                        reviewed -> assertThat(reviewed.getLibraryKey()).isEqualTo(entry.getKey()));

        // The close one is never applied: accepting it is refused, and it stays open.
        accept("paul", articleId, "c-close")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not in the claims library"));
        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(jsonPath("$.claims[0].library").value(nullValue()))
                .andExpect(jsonPath("$.claims[1].open").value(true));
    }

    @Test
    void acceptingFollowsTheRulesOfAnyDecision() throws Exception {
        approvedInTheLibrary();
        String articleId = newArticleId();
        DraftSubmitted coWritten =
                DraftEvents.draft(articleId, 1, true, DraftEvents.body(1), List.of(claim("c-same", claimText)));
        submit(coWritten);

        accept("dana", articleId, "c-same")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Own article"));
        mvc.perform(post("/api/reviews/{a}/claims/{c}/accept-library", articleId, "c-same")
                        .with(httpBasic("paul", "paul-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"revision\":2}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Stale revision"));
        mvc.perform(post("/api/reviews/{a}/claims/{c}/accept-library", articleId, "c-same")
                        .with(httpBasic("paul", "paul-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("revision"));
        accept("paul", articleId, "c-nothing").andExpect(status().isNotFound());
        mvc.perform(post("/api/reviews/{a}/claims/{c}/accept-library", articleId, "c-same")
                        .with(httpBasic("eddie", "eddie-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"revision\":1}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void searchFindsEntriesByEveryWordForReviewersAndEditors() throws Exception {
        ClaimLibraryEntry entry = approvedInTheLibrary();

        mvc.perform(get("/api/claims").param("query", "STIFF " + token).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].key").value(entry.getKey()))
                .andExpect(jsonPath("$[0].claimText").value(claimText))
                .andExpect(jsonPath("$[0].references[0]").value("doi:10.1000/" + token))
                .andExpect(jsonPath("$[0].expired").value(false))
                .andExpect(jsonPath("$[0].retired").value(false));
        mvc.perform(get("/api/claims").param("query", token + " elbows").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        for (String query : List.of("a", " ", "x".repeat(201))) {
            mvc.perform(get("/api/claims").param("query", query).with(httpBasic("rita", "rita-pass")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("query"));
        }
        mvc.perform(get("/api/claims").with(httpBasic("rita", "rita-pass"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/claims").param("query", token).with(httpBasic("wanda", "wanda-pass")))
                .andExpect(status().isForbidden());
    }

    @Test
    void retiringAnEntryReopensTheClaimsAcceptedFromItAndStopsOfferingIt() throws Exception {
        ClaimLibraryEntry entry = approvedInTheLibrary();
        String articleId = newArticleId();
        submit(draftWith(articleId, claim("c-same", claimText)));
        accept("paul", articleId, "c-same")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false));
        output.clear();

        retire("eddie", entry.getKey(), "{\"reason\":\"retracted\"}").andExpect(status().isForbidden());
        retire("rita", entry.getKey(), "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        retire("rita", entry.getKey(), "{\"reason\":\"" + "x".repeat(1001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        retire("rita", "lib-0000000000000000", "{\"reason\":\"retracted\"}").andExpect(status().isNotFound());

        retire("rita", entry.getKey(), "{\"reason\":\"The trial was retracted.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true))
                .andExpect(jsonPath("$.retirement.by.username").value("rita"))
                .andExpect(jsonPath("$.retirement.reason").value("The trial was retracted."));
        assertThat(drain(Topics.CLAIMS_LIBRARY))
                .singleElement()
                .isInstanceOfSatisfying(ClaimLibraryEntry.class, retired -> {
                    assertThat(retired.getKey()).isEqualTo(entry.getKey());
                    assertThat(retired.getRetired().getReason()).isEqualTo("The trial was retracted.");
                    assertThat(ANY_SERVICE.problem(retired)).isEmpty();
                });

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(jsonPath("$.claims[0].open").value(true))
                .andExpect(jsonPath("$.claims[0].decisions", hasSize(0)))
                .andExpect(jsonPath("$.claims[0].library").value(nullValue()));
        mvc.perform(get("/api/claims").param("query", token).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$[0].retired").value(true));
        accept("paul", articleId, "c-same").andExpect(status().isConflict());
    }

    @Test
    void aForgedLibraryEntryIsSkipped() throws Exception {
        ClaimLibraryEntry forged = ClaimLibraryEntry.newBuilder()
                .setEventId("forged-" + token)
                .setKey(ClaimLibrary.keyOf(claimText))
                .setClaimText(claimText)
                .setReferences(List.of("doi:10.1000/forged"))
                .setReviewer(new org.vetted.events.Reviewer("rita", "Rita Reyes", "MD"))
                .setApprovedAt(java.time.Instant.now())
                .setExpiresAt(java.time.Instant.now().plusSeconds(86_400))
                .setArticleId("elsewhere")
                .setRevision(1)
                .setClaimId("c-x")
                .build();
        input.send(
                org.springframework.messaging.support.MessageBuilder.withPayload(forged)
                        .build(),
                Topics.CLAIMS_LIBRARY);

        mvc.perform(get("/api/claims").param("query", token).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$", hasSize(0)));

        // The same entry signed by review counts.
        input.send(
                org.springframework.messaging.support.MessageBuilder.withPayload(
                                DemoKeys.signaturesOf(Issuer.REVIEW).sign(forged))
                        .build(),
                Topics.CLAIMS_LIBRARY);
        mvc.perform(get("/api/claims").param("query", token).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    private ResultActions accept(String user, String articleId, String claimId) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/claims/{c}/accept-library", articleId, claimId)
                .with(httpBasic(user, user + "-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"revision\":1}"));
    }

    private ResultActions retire(String user, String key, String json) throws Exception {
        return mvc.perform(post("/api/claims/{key}/retire", key)
                .with(httpBasic(user, user + "-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
