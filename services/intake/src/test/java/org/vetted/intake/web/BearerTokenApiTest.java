package org.vetted.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.IntakeAppTest;
import org.vetted.intake.TestTokens;

/** Signing in with a bearer token of the issuer, beside HTTP Basic: same roles, same account shape. */
class BearerTokenApiTest extends IntakeAppTest {
    private static final String DRAFT =
            "Can Stretching Ease Back Pain?\nGentle daily stretching may ease lower back pain.\n";
    private static final String WRITER = TestTokens.bearer(
            "3f9a-wren", Map.of("preferred_username", "wren", "name", "Wren Wallace", "roles", List.of("WRITER")));

    @Autowired
    MockMvc mvc;

    @Autowired
    OutputDestination output;

    @Test
    void aWriterTokenSubmitsADraftAsTheUserItNames() throws Exception {
        output.clear();
        String location = mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, WRITER))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.revision").value(1))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        Message<byte[]> message = output.receive(5000, DRAFT_TOPIC);
        assertThat(message).isNotNull();
        assertThat(((Object) message.getPayload()))
                .isInstanceOfSatisfying(
                        DraftSubmitted.class,
                        event -> assertThat(event.getAuthors())
                                .extracting(a -> a.getUsername() + "/" + a.getDisplayName())
                                .containsExactly("wren/Wren Wallace"));
        mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, WRITER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].actor").value("wren"));
    }

    @Test
    void aNameClaimEditedToAnotherPersonsNameStillSubmitsAsTheConfiguredAccount() throws Exception {
        String disguised = TestTokens.bearer(
                "3f9a-wren",
                Map.of("preferred_username", "wanda", "name", "Wanda Writer", "roles", List.of("WRITER", "EDITOR")));
        output.clear();
        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, disguised)).andExpect(status().isAccepted());

        Message<byte[]> message = output.receive(5000, DRAFT_TOPIC);
        assertThat(message).isNotNull();
        assertThat(((Object) message.getPayload()))
                .isInstanceOfSatisfying(
                        DraftSubmitted.class,
                        event -> assertThat(event.getAuthors())
                                .extracting(a -> a.getUsername() + "/" + a.getDisplayName())
                                .containsExactly("wren/Wren Wallace"));
    }

    @Test
    void aTokenWhoseSubjectIsNoConfiguredUsersIsRefused() throws Exception {
        String stranger = TestTokens.bearer("9c1e", Map.of("preferred_username", "wren", "roles", List.of("WRITER")));

        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, stranger))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aReviewerTokenMayNotSubmitDrafts() throws Exception {
        String reviewer = TestTokens.bearer("rhea", Map.of("roles", List.of("MEDICAL_REVIEWER"), "credential", "DO"));

        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, reviewer))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void aTamperedTokenIsUnauthorizedProblemJson() throws Exception {
        String tampered = WRITER.substring(0, WRITER.length() - 2) + (WRITER.endsWith("AA") ? "BB" : "AA");

        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, tampered))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsUnauthorized() throws Exception {
        String elsewhere = TestTokens.bearer(
                "3f9a-wren",
                Map.of("preferred_username", "wren", "roles", List.of("WRITER"), "aud", List.of("billing-app")));

        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, elsewhere))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenOfAnotherIssuerIsUnauthorized() throws Exception {
        String foreign = TestTokens.bearer(
                "3f9a-wren",
                Map.of("preferred_username", "wren", "roles", List.of("WRITER"), "iss", "https://other-issuer.test"));

        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, foreign))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rolesComeOnlyFromTheConfiguredClaim() throws Exception {
        String elsewhere = TestTokens.bearer(
                "3f9a-wren",
                Map.of(
                        "preferred_username",
                        "wren",
                        "scope",
                        "WRITER EDITOR",
                        "scp",
                        List.of("WRITER"),
                        "authorities",
                        List.of("ROLE_WRITER", "WRITER"),
                        "realm_access",
                        Map.of("roles", List.of("WRITER"))));

        mvc.perform(draft().header(HttpHeaders.AUTHORIZATION, elsewhere))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void withoutCredentialsBothWaysToSignInAreOffered() throws Exception {
        mvc.perform(draft())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().stringValues(
                                HttpHeaders.WWW_AUTHENTICATE, contains("Basic realm=\"vetted\"", "Bearer")));
    }

    private static MockHttpServletRequestBuilder draft() {
        return post("/api/drafts")
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .content(DRAFT.getBytes(StandardCharsets.UTF_8));
    }
}
