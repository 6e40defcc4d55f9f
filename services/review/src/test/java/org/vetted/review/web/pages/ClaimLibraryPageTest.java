package org.vetted.review.web.pages;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

class ClaimLibraryPageTest extends ReviewServiceTest {
    private String token;
    private String claimText;

    @BeforeEach
    void freshClaim() throws Exception {
        token = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        claimText = "Warm compresses may ease sore calves " + token + ".";
        String articleId = newArticleId();
        DraftSubmitted draft = draftWith(articleId);
        submit(draft);
        decideClaim(
                        "rita",
                        articleId,
                        "c-lib",
                        "{\"decision\":\"APPROVED\",\"revision\":1," + "\"reference\":\"PMID: 4242\"}")
                .andExpect(status().isOk());
        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"" + draft.getContentHash() + "\"}")
                .andExpect(status().isOk());
    }

    private DraftSubmitted draftWith(String articleId) {
        return DraftEvents.draft(
                articleId,
                1,
                false,
                DraftEvents.body(1),
                List.of(new Claim("c-lib", claimText, ClaimKind.EFFECT, true, "Does It Work?", false)));
    }

    @Test
    void anOpenClaimApprovedInTheLibraryIsAcceptedWithOneButton() throws Exception {
        String articleId = newArticleId();
        submit(draftWith(articleId));

        mvc.perform(get("/reviews/{id}", articleId).with(paul()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Approved in the library: “"),
                                containsString("” under “Does It Work?” in article "),
                                containsString(" (revision 1): PMID:4242 by Rita Reyes, until "),
                                containsString("id=\"accept-library-c-lib\""),
                                containsString("Accept from the library"),
                                containsString("id=\"approve-c-lib\""))));

        mvc.perform(post("/reviews/{a}/claims/{c}/accept-library", articleId, "c-lib")
                        .with(paul())
                        .with(csrf())
                        .param("revision", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Claim approved from the library."));

        mvc.perform(get("/reviews/{id}", articleId).with(paul()).accept(MediaType.TEXT_HTML))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-verdict=\"APPROVED\""),
                                not(containsString("id=\"accept-library-c-lib\"")))));
    }

    @Test
    void htmxGetsTheClaimsBlockAndEditorsSeeNoButton() throws Exception {
        String articleId = newArticleId();
        submit(draftWith(articleId));

        mvc.perform(get("/reviews/{id}", articleId)
                        .with(user("eddie").roles("EDITOR"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(content()
                        .string(allOf(
                                containsString("Approved in the library"),
                                not(containsString("id=\"accept-library-c-lib\"")))));

        mvc.perform(post("/reviews/{a}/claims/{c}/accept-library", articleId, "c-lib")
                        .with(paul())
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("revision", "1"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"claim-c-lib\""),
                                containsString("data-verdict=\"APPROVED\""),
                                containsString("Claim approved from the library."))));
    }

    @Test
    void aMalformedReferenceIsNotRecordedAndSaysWhyInTheClaimsBlock() throws Exception {
        String articleId = newArticleId();
        submit(draftWith(articleId));

        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-lib")
                        .with(paul())
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("revision", "1")
                        .param("reference", "see the leaflet"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("messageFor", "c-lib"))
                .andExpect(flash().attribute("problem", containsString("the reference is not usable")));
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-lib")
                        .with(paul())
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("decision", "APPROVED")
                        .param("revision", "1")
                        .param("reference", "doi:10.1/x"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("role=\"alert\""),
                                containsString("not a DOI"),
                                containsString("data-verdict=\"UNDECIDED\""))));
    }

    @Test
    void theLibraryPageFindsTheEntryAndAReviewerRetiresItWithAReason() throws Exception {
        String page = mvc.perform(
                        get("/claims").param("query", "compresses " + token).with(paul()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(claimText),
                                containsString("PMID:4242"),
                                containsString("valid until"),
                                containsString(">Retire</button>"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String key = page.replaceAll("(?s).*id=\"entry-([^\"]+)\".*", "$1");
        mvc.perform(get("/claims")
                        .param("query", "compresses " + token)
                        .with(user("eddie").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString(claimText), not(containsString(">Retire</button>")))));
        mvc.perform(get("/claims").param("query", "x").with(paul()))
                .andExpect(content().string(containsString("Search with 2 to 200 characters.")));

        mvc.perform(post("/claims/{key}/retire", key).with(paul()).with(csrf()).param("reason", " "))
                .andExpect(flash().attribute("problem", containsString("give a reason")));
        mvc.perform(post("/claims/{key}/retire", key).with(paul()).param("reason", "No CSRF token."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/claims/{key}/retire", key)
                        .with(paul())
                        .with(csrf())
                        .param("reason", "Superseded.")
                        .param("query", token))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Retired")));

        mvc.perform(get("/claims").param("query", token).with(paul()))
                .andExpect(content()
                        .string(allOf(
                                containsString("<strong>Retired</strong> by"),
                                containsString("Superseded."),
                                not(containsString(">Retire</button>")))));
    }

    private static RequestPostProcessor paul() {
        return user("paul").roles("MEDICAL_REVIEWER");
    }
}
