package org.vetted.review.web;

import static org.hamcrest.Matchers.contains;
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
    private static final String REVIEWER = TestTokens.bearer("7d2c-rhea", Map.of("preferred_username", "rhea",
            "name", "Rhea Rao", "roles", List.of("MEDICAL_REVIEWER"), "credential", "DO"));

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
    void aReviewerTokenWithoutACredentialCannotReview() throws Exception {
        String noCredential = TestTokens.bearer("rex", Map.of("roles", List.of("MEDICAL_REVIEWER")));
        String articleId = submitted(false);

        decideWith(noCredential, articleId, "c-pain", APPROVE)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        signOffWith(noCredential, articleId, SIGN_OFF).andExpect(status().isForbidden());
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
        String dana = TestTokens.bearer("dana", Map.of("name", "Dana Diaz",
                "roles", List.of("WRITER", "MEDICAL_REVIEWER"), "credential", "RD"));

        decideWith(dana, submitted(true), "c-pain", APPROVE)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Own article"));
    }

    @Test
    void withoutATokenOrWithATamperedOneTheAnswerIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/reviews"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE,
                        contains("Basic realm=\"vetted\"", "Bearer")));
        String tampered = REVIEWER.substring(0, REVIEWER.length() - 2) + (REVIEWER.endsWith("AA") ? "BB" : "AA");
        mvc.perform(get("/api/reviews").header(HttpHeaders.AUTHORIZATION, tampered))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unauthenticated"));
    }

    @Test
    void aTokenForAnotherAudienceOrOfAnotherIssuerIsUnauthorized() throws Exception {
        Map<String, Object> rhea = Map.of("preferred_username", "rhea", "roles", List.of("MEDICAL_REVIEWER"),
                "credential", "DO");
        for (Map<String, Object> wrong : List.of(Map.<String, Object>of("aud", List.of("vetted-intake")),
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
        String elsewhere = TestTokens.bearer("7d2c-rhea", Map.of("preferred_username", "rhea", "credential", "DO",
                "scope", "MEDICAL_REVIEWER EDITOR", "authorities", List.of("ROLE_MEDICAL_REVIEWER"),
                "realm_access", Map.of("roles", List.of("MEDICAL_REVIEWER"))));

        mvc.perform(get("/api/reviews").header(HttpHeaders.AUTHORIZATION, elsewhere))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions decideWith(String bearer, String articleId, String claimId, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/claims/{c}", articleId, claimId)
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions signOffWith(String bearer, String articleId, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/decision", articleId)
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
