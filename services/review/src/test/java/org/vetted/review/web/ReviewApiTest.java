package org.vetted.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

class ReviewApiTest extends ReviewServiceTest {
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";

    private String submitted(boolean withDana) {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, withDana));
        return articleId;
    }

    @Test
    void aWriterCannotDecideClaimsOrSignOff() throws Exception {
        String articleId = submitted(false);

        decideClaim("wanda", articleId, "c-pain", APPROVE)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"));
        signOff("wanda", articleId, "{\"decision\":\"APPROVE\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/reviews").with(httpBasic("wanda", "wanda-pass"))).andExpect(status().isForbidden());
    }

    @Test
    void aReviewerWhoIsAnAuthorCannotDecideOrApprove() throws Exception {
        String articleId = submitted(true);

        decideClaim("dana", articleId, "c-pain", APPROVE)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Own article"));
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        signOff("dana", articleId, DraftEvents.approving(1))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value("a reviewer may not sign off an article they wrote (credited as \"Dana Diaz\")"));
    }

    @Test
    void signOffWithARejectedAndAnUndecidedClaimIsBlockedWithReasons() throws Exception {
        String articleId = submitted(false);
        decideClaim(
                        "rita",
                        articleId,
                        "c-pain",
                        "{\"decision\":\"REJECTED\",\"comment\":\"Small trials only.\",\"revision\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.decision").value("REJECTED"))
                .andExpect(jsonPath("$.decision.comment").value("Small trials only."))
                .andExpect(jsonPath("$.decision.reviewer.credential").value("MD"));

        signOff("paul", articleId, DraftEvents.approving(1))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Approval blocked"))
                .andExpect(jsonPath("$.reasons", hasSize(2)))
                .andExpect(jsonPath("$.reasons", hasItem(containsString("c-pain was rejected by rita"))))
                .andExpect(jsonPath("$.reasons", hasItem("claim c-dose is not decided yet")));
        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("paul", "paul-pass")))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void approvingTextOtherThanTheCurrentIsAConflict() throws Exception {
        String articleId = submitted(false);
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());

        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"sha256:what-i-saw-yesterday\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Stale revision"));
        decideClaim("rita", articleId, "c-pain", "{\"decision\":\"APPROVED\",\"revision\":2}")
                .andExpect(status().isConflict());
    }

    /**
     * Decisions used not to carry over to a new revision; now an unchanged claim (same text, so the same id, in the
     * same section) keeps its approval, and the new revision still needs its own sign-off, bound to its own text.
     */
    @Test
    void aNewRevisionAfterApprovalCarriesOverItsUnchangedClaimsButNeedsItsOwnSignOff() throws Exception {
        String articleId = submitted(false);
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        signOff("paul", articleId, DraftEvents.approving(1)).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Revision not open"));

        DraftSubmitted second = DraftEvents.draft(articleId, 2, false);
        submit(second);

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.contentHash").value(second.getContentHash()))
                .andExpect(jsonPath("$.claims[0].open").value(false))
                .andExpect(jsonPath("$.claims[0].carriedOver.fromRevision").value(1))
                .andExpect(jsonPath("$.claims[0].carriedOver.decision.reviewer.username")
                        .value("rita"))
                .andExpect(jsonPath("$.claims[0].decision.decision").value("APPROVED"))
                .andExpect(jsonPath("$.claims[0].decision.revision").value(1))
                .andExpect(jsonPath("$.claims[1].approvalsNeeded").value(2))
                .andExpect(jsonPath("$.claims[1].decisions", hasSize(2)))
                .andExpect(jsonPath("$.claims[1].open").value(false));
        assertThat(queueEntry("eddie", articleId)).containsEntry("decided", 2).containsEntry("revision", 2);
        decideClaim("rita", articleId, "c-pain", APPROVE)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Stale revision"))
                .andExpect(jsonPath("$.detail").value("the decision is for revision 1 but the current revision is 2"));
        signOff("paul", articleId, DraftEvents.approving(1))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Stale revision"));
        signOff("rita", articleId, DraftEvents.approving(2))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.contentHash").value(second.getContentHash()));
    }

    @Test
    void eachClaimShowsWhetherItIsCarriedOverOrOpenWhyItChangedAndHowManyReviewersItNeeds() throws Exception {
        String articleId = submitted(false);
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim(
                        "rita",
                        articleId,
                        "c-dose",
                        "{\"decision\":\"APPROVED\",\"revision\":1,\"reference\":\"doi:10.1000/dose\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvals").value(1))
                .andExpect(jsonPath("$.approvalsNeeded").value(2))
                .andExpect(jsonPath("$.open").value(true));
        signOff("rita", articleId, DraftEvents.signingOff("REQUEST_CHANGES", 1)).andExpect(status().isOk());
        submit(DraftEvents.draft(
                articleId,
                2,
                false,
                DraftEvents.body(2),
                List.of(
                        new Claim(
                                "c-pain-2",
                                "Curcumin reduces knee pain.",
                                ClaimKind.EFFECT,
                                false,
                                "Does It Work?",
                                false),
                        new Claim("c-dose", "Trials used 1,000 mg a day.", ClaimKind.DOSE, false, "How Much?", false),
                        new Claim(
                                "c-kids",
                                "Children should not take curcumin.",
                                ClaimKind.RISK,
                                false,
                                "Safety",
                                false))));

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].id").value("c-pain-2"))
                .andExpect(jsonPath("$.claims[0].open").value(true))
                .andExpect(jsonPath("$.claims[0].carriedOver").value(nullValue()))
                .andExpect(jsonPath("$.claims[0].decision").value(nullValue()))
                .andExpect(jsonPath("$.claims[0].decisions", hasSize(0)))
                .andExpect(jsonPath("$.claims[0].riskClasses", hasSize(0)))
                .andExpect(jsonPath("$.claims[0].approvalsNeeded").value(1))
                .andExpect(jsonPath("$.claims[0].drift.kind").value("HEDGE_REMOVED"))
                .andExpect(jsonPath("$.claims[0].drift.fromRevision").value(1))
                .andExpect(jsonPath("$.claims[0].drift.previousText").value("Curcumin may reduce knee pain."))
                .andExpect(jsonPath("$.claims[0].drift.explanation").value("Hedge removed: ‘may reduce’ → ‘reduces’"))
                .andExpect(jsonPath("$.claims[1].riskClasses[0]").value("DOSE"))
                .andExpect(jsonPath("$.claims[1].approvals").value(1))
                .andExpect(jsonPath("$.claims[1].open").value(true))
                .andExpect(jsonPath("$.claims[1].carriedOver.fromRevision").value(1))
                .andExpect(
                        jsonPath("$.claims[1].carriedOver.decision.reference").value("doi:10.1000/dose"))
                .andExpect(jsonPath("$.claims[1].drift").value(nullValue()))
                .andExpect(jsonPath("$.claims[2].riskClasses[0]").value("CHILDREN"))
                .andExpect(jsonPath("$.claims[2].approvalsNeeded").value(2))
                .andExpect(jsonPath("$.claims[2].drift").value(nullValue()));

        decideClaim("paul", articleId, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvals").value(2))
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.decisions[0].reviewer.username").value("rita"))
                .andExpect(jsonPath("$.decisions[0].revision").value(1))
                .andExpect(jsonPath("$.decisions[1].reviewer.username").value("paul"))
                .andExpect(jsonPath("$.decisions[1].revision").value(2))
                .andExpect(jsonPath("$.decision.reviewer.username").value("paul"))
                .andExpect(jsonPath("$.carriedOver.decision.reviewer.username").value("rita"));
        decideClaim("rita", articleId, "c-pain-2", "{\"decision\":\"APPROVED\",\"revision\":2}")
                .andExpect(status().isOk());
        decideClaim("rita", articleId, "c-kids", "{\"decision\":\"APPROVED\",\"revision\":2}")
                .andExpect(status().isOk());

        signOff("paul", articleId, DraftEvents.approving(2))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Approval blocked"))
                .andExpect(jsonPath(
                        "$.reasons",
                        contains("claim c-kids needs a second reviewer (children): approved by rita only")));
        decideClaim("paul", articleId, "c-kids", "{\"decision\":\"APPROVED\",\"revision\":2}")
                .andExpect(status().isOk());
        signOff("paul", articleId, DraftEvents.approving(2)).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "REQUEST_CHANGES", "REJECT"})
    void everySignOffMustNameTheTextReviewed(String decision) throws Exception {
        String articleId = submitted(false);
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", APPROVE).andExpect(status().isOk());

        signOff("paul", articleId, "{\"decision\":\"" + decision + "\",\"comment\":\"Read it.\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid decision"))
                .andExpect(jsonPath("$.errors[0].field").value("contentHash"))
                .andExpect(jsonPath("$.errors[0].reason").value("required: the hash of the text you reviewed"));
        signOff("paul", articleId, "{\"decision\":\"" + decision + "\",\"contentHash\":\"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contentHash"));
        signOff("paul", articleId, DraftEvents.signingOff(decision, 2))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Stale revision"));
        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("paul", "paul-pass")))
                .andExpect(jsonPath("$.status").value("OPEN"));

        signOff("paul", articleId, DraftEvents.signingOff(decision, 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contentHash").value(DraftEvents.contentHash(1)));
    }

    @Test
    void aClaimDecisionMustNameItsRevision() throws Exception {
        decideClaim("rita", submitted(false), "c-pain", "{\"decision\":\"APPROVED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("revision"))
                .andExpect(jsonPath("$.errors[0].reason").value("required: the revision the decision was made on"));
    }

    @Test
    void theQueueListsOpenRevisionsForReviewersAndEditors() throws Exception {
        String open = submitted(false);
        String returned = submitted(false);
        signOff(
                        "rita",
                        returned,
                        "{\"decision\":\"REJECT\",\"comment\":\"Unsafe dosing advice.\",\"contentHash\":\""
                                + DraftEvents.contentHash(1) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));

        Map<String, Object> entry = queueEntry("eddie", open);
        assertThat(entry).containsEntry("claims", 2).containsEntry("decided", 0);
        assertThat(JsonPath.<String>read(entry, "$.authors[0].username")).isEqualTo("wanda");
        assertThat(queueEntry("eddie", returned)).isNull();
    }

    /** The article's entry in the queue, read page after page to the end; null when it is not waiting. */
    private Map<String, Object> queueEntry(String user, String articleId) throws Exception {
        String cursor = null;
        do {
            String page = mvc.perform(get("/api/reviews")
                            .param("limit", "100")
                            .param("cursor", cursor)
                            .with(httpBasic(user, user + "-pass")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Map<String, Object>> found = JsonPath.read(page, "$.items[?(@.articleId == '" + articleId + "')]");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            cursor = JsonPath.read(page, "$.next");
        } while (cursor != null);
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"comment\":\"  \""})
    void rejectingAClaimOrTheArticleWithoutACommentIs400NamingTheComment(String comment) throws Exception {
        String articleId = submitted(false);

        decideClaim("rita", articleId, "c-pain", "{\"decision\":\"REJECTED\",\"revision\":1" + comment + "}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid decision"))
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("rejecting a claim needs a comment saying why, for the writer to act on"));
        signOff(
                        "rita",
                        articleId,
                        "{\"decision\":\"REJECT\",\"contentHash\":\"" + DraftEvents.contentHash(1) + "\"" + comment
                                + "}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("rejecting an article needs a comment saying why, for the writer and the editors"));

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.claims[0].decision").value(nullValue()));
        signOff(
                        "rita",
                        articleId,
                        "{\"decision\":\"REQUEST_CHANGES\",\"contentHash\":\"" + DraftEvents.contentHash(1) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
    }

    @Test
    void approvingAHighRiskClaimAgainAnswersThatItStillWaitsForAnotherReviewer() throws Exception {
        String articleId = submitted(false);

        decideClaim("rita", articleId, "c-dose", APPROVE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("c-dose"))
                .andExpect(jsonPath("$.approvals").value(1))
                .andExpect(jsonPath("$.awaitsAnotherReviewer").value(true))
                .andExpect(jsonPath("$.approvedAgain").value(false))
                .andExpect(jsonPath("$.notice").value(nullValue()));
        decideClaim("rita", articleId, "c-dose", APPROVE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvals").value(1))
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.approvedAgain").value(true))
                .andExpect(
                        jsonPath("$.notice")
                                .value(
                                        "You had already approved this claim, so your approval does "
                                                + "not count twice: it still needs a second reviewer, and that cannot be you (four eyes)."));
        decideClaim("paul", articleId, "c-dose", APPROVE)
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.awaitsAnotherReviewer").value(false))
                .andExpect(jsonPath("$.notice").value(nullValue()));
    }

    @Test
    void unauthenticatedRequestsGet401ProblemJson() throws Exception {
        mvc.perform(get("/api/reviews"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/reviews").with(httpBasic("rita", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Unauthenticated"));
    }

    @Test
    void unknownArticlesAndClaimsAre404() throws Exception {
        mvc.perform(get("/api/reviews/{id}", "no-such-article").with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unknown article"));
        decideClaim("rita", submitted(false), "c-missing", APPROVE)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown claim"));
    }

    @Test
    void anInvalidBodyNamesTheFieldsAndReasons() throws Exception {
        String articleId = submitted(false);

        decideClaim(
                        "rita",
                        articleId,
                        "c-pain",
                        "{\"decision\":\"MAYBE\",\"comment\":\"" + "x".repeat(2001) + "\",\"revision\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid decision"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.contains("comment", "decision", "revision")))
                .andExpect(jsonPath("$.errors[1].reason").value("must be APPROVED or REJECTED"));
        decideClaim("rita", articleId, "c-pain", "{\"decision\":")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail", not(containsString("Exception"))));
        signOff("rita", articleId, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        mvc.perform(post("/api/reviews/{a}/decision", submitted(false))
                        .with(httpBasic("rita", "rita-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"comment\":\"" + "é".repeat(10_000) + "\"}"))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aDecisionThatCannotBePublishedIs503AndChangesNothing() throws Exception {
        String articleId = submitted(false);
        doReturn(false).when(streamBridge).send(anyString(), any());

        decideClaim("rita", articleId, "c-pain", APPROVE)
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        doThrow(new IllegalStateException("broker gone")).when(streamBridge).send(anyString(), any());
        signOff("rita", articleId, DraftEvents.signingOff("REJECT", 1))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail", not(containsString("broker gone"))));

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.claims[0].decision").value(nullValue()));
    }

    @Test
    void healthIsOpenAndUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
