package org.vetted.review.web;

import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;
import org.vetted.review.support.TestTokens;

/** Signing in with a bearer token of the issuer, beside HTTP Basic: same roles, same reviewer on the decisions. */
class BearerTokenApiTest extends ReviewServiceTest {
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";
    private static final String SIGN_OFF = DraftEvents.approving(1);
    private static final String REVIEWER = TestTokens.bearer(
            "7d2c-rhea",
            Map.of(
                    "preferred_username",
                    "rhea",
                    "name",
                    "Rhea Rao",
                    "roles",
                    List.of("MEDICAL_REVIEWER"),
                    "credential",
                    "DO"));

    private String submitted(boolean withDana) {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, withDana));
        return articleId;
    }

    @Test
    void aReviewerTokenWithACredentialDecidesClaimsAndSignsOff() throws Exception {
        String articleId = submitted(false);

        decideWith(REVIEWER, articleId, "c-pain", APPROVE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.reviewer.username").value("rhea"))
                .andExpect(jsonPath("$.decision.reviewer.displayName").value("Rhea Rao"))
                .andExpect(jsonPath("$.decision.reviewer.credential").value("DO"));
        decideWith(REVIEWER, articleId, "c-dose", APPROVE).andExpect(status().isOk());
        // A dose claim needs a second reviewer: a signed-in Basic user is another person.
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        signOffWith(REVIEWER, articleId, SIGN_OFF)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void aTokenWhoseSubjectIsNoConfiguredUsersIsRefused() throws Exception {
        // Its name, username and credential claims would make it a credentialed reviewer: they are not read.
        String stranger = TestTokens.bearer(
                "rex",
                Map.of(
                        "preferred_username",
                        "paul",
                        "name",
                        "Paul Park",
                        "roles",
                        List.of("MEDICAL_REVIEWER"),
                        "credential",
                        "DO"));
        String articleId = submitted(false);

        decideWith(stranger, articleId, "c-pain", APPROVE)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        signOffWith(stranger, articleId, SIGN_OFF).andExpect(status().isUnauthorized());
    }

    @Test
    void aReviewerByTokenAndByBasicIsOnePersonForFourEyes() throws Exception {
        // rita signs in by Basic; the issuer knows her as subject rreyes, listed under her account.
        String ritaByToken = TestTokens.bearer(
                "rreyes",
                Map.of("preferred_username", "rreyes", "name", "R. Reyes", "roles", List.of("MEDICAL_REVIEWER")));
        String articleId = submitted(false);

        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideWith(ritaByToken, articleId, "c-dose", APPROVE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.reviewer.username").value("rita"))
                .andExpect(jsonPath("$.decision.reviewer.displayName").value("Rita Reyes"))
                .andExpect(jsonPath("$.decision.reviewer.credential").value("MD"))
                .andExpect(jsonPath("$.approvals").value(1))
                .andExpect(jsonPath("$.open").value(true));
        decideWith(ritaByToken, articleId, "c-pain", APPROVE).andExpect(status().isOk());
        signOff("paul", articleId, SIGN_OFF)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]")
                        .value("claim c-dose needs a second reviewer (dose): approved by rita only"));
    }

    @Test
    void aNameClaimEditedToAnotherPersonsNameDoesNotMakeAnAuthorSomeoneElse() throws Exception {
        // Dana wrote the article; her token now says she is Paul Park.
        String disguised = TestTokens.bearer(
                "dana",
                Map.of(
                        "preferred_username",
                        "paul",
                        "name",
                        "Paul Park",
                        "roles",
                        List.of("WRITER", "MEDICAL_REVIEWER"),
                        "credential",
                        "PharmD"));
        String articleId = submitted(true);

        decideWith(disguised, articleId, "c-pain", APPROVE)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Own article"));
        signOffWith(disguised, articleId, SIGN_OFF)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Own article"));
        // And a second approval by rita's token under Paul's name is still rita's.
        String ritaAsPaul =
                TestTokens.bearer("rreyes", Map.of("name", "Paul Park", "roles", List.of("MEDICAL_REVIEWER")));
        String other = submitted(false);
        decideClaim("rita", other, "c-dose", APPROVE).andExpect(status().isOk());
        decideWith(ritaAsPaul, other, "c-dose", APPROVE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.reviewer.displayName").value("Rita Reyes"))
                .andExpect(jsonPath("$.approvals").value(1));
    }

    @Test
    void basicUsernamesMatchWithoutCase() throws Exception {
        mvc.perform(get("/api/reviews").with(httpBasic("RITA", "rita-pass"))).andExpect(status().isOk());
        String articleId = submitted(false);
        mvc.perform(post("/api/reviews/{a}/claims/{c}", articleId, "c-dose")
                        .with(httpBasic("Rita", "rita-pass"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(APPROVE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.reviewer.username").value("rita"));
        decideClaim("rita", articleId, "c-dose", APPROVE)
                .andExpect(jsonPath("$.approvals").value(1));
    }

    @Test
    void aWriterTokenCannotApprove() throws Exception {
        String writer = TestTokens.bearer("wanda", Map.of("roles", List.of("WRITER")));

        signOffWith(writer, submitted(false), SIGN_OFF)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void aReviewerTokenOfAnAuthorCannotDecideTheirOwnArticle() throws Exception {
        String dana = TestTokens.bearer(
                "dana",
                Map.of("name", "Dana Diaz", "roles", List.of("WRITER", "MEDICAL_REVIEWER"), "credential", "RD"));

        decideWith(dana, submitted(true), "c-pain", APPROVE)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Own article"));
    }

    @Test
    void withoutATokenOrWithATamperedOneTheAnswerIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/reviews"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().stringValues(
                                HttpHeaders.WWW_AUTHENTICATE, contains("Basic realm=\"vetted\"", "Bearer")));
        String tampered = REVIEWER.substring(0, REVIEWER.length() - 2) + (REVIEWER.endsWith("AA") ? "BB" : "AA");
        mvc.perform(get("/api/reviews").header(HttpHeaders.AUTHORIZATION, tampered))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unauthenticated"));
    }

    @Test
    void aTokenForAnotherAudienceOrOfAnotherIssuerIsUnauthorized() throws Exception {
        Map<String, Object> rhea =
                Map.of("preferred_username", "rhea", "roles", List.of("MEDICAL_REVIEWER"), "credential", "DO");
        for (Map<String, Object> wrong : List.of(
                Map.<String, Object>of("aud", List.of("vetted-intake")),
                Map.<String, Object>of("iss", "https://other-issuer.test"))) {
            Map<String, Object> claims = new java.util.HashMap<>(rhea);
            claims.putAll(wrong);
            mvc.perform(get("/api/reviews").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("7d2c-rhea", claims)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void rolesComeOnlyFromTheConfiguredClaim() throws Exception {
        String elsewhere = TestTokens.bearer(
                "7d2c-rhea",
                Map.of(
                        "preferred_username",
                        "rhea",
                        "credential",
                        "DO",
                        "scope",
                        "MEDICAL_REVIEWER EDITOR",
                        "authorities",
                        List.of("ROLE_MEDICAL_REVIEWER"),
                        "realm_access",
                        Map.of("roles", List.of("MEDICAL_REVIEWER"))));

        mvc.perform(get("/api/reviews").header(HttpHeaders.AUTHORIZATION, elsewhere))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions decideWith(String bearer, String articleId, String claimId, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/claims/{c}", articleId, claimId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions signOffWith(String bearer, String articleId, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/decision", articleId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
