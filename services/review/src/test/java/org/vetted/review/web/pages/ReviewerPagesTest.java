package org.vetted.review.web.pages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** The reviewers' pages: sign-in, the queue, deciding claims and signing off through forms, and what is not offered. */
class ReviewerPagesTest extends ReviewServiceTest {

    @Test
    void aStrangerIsAskedToSignInAndAReviewerCanWithTheForm() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(formLogin("/login").user("rita").password("rita-pass")).andExpect(redirectedUrl("/"));
    }

    @Test
    void theQueueListsArticlesWaitingWithTheirOpenClaims() throws Exception {
        String articleId = newArticleId();
        String tag = "tag-" + java.util.UUID.randomUUID();
        submit(DraftEvents.listed(
                articleId,
                false,
                DraftEvents.TITLE,
                java.util.List.of(tag),
                java.time.Instant.parse("2026-03-01T10:00:01Z")));

        mvc.perform(get("/").param("tag", tag).with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/reviews/" + articleId)))
                .andExpect(content().string(containsString(DraftEvents.TITLE)))
                .andExpect(content().string(containsString("Signed in as <strong>Rita Reyes</strong>")));
    }

    @Test
    void aReviewerApprovesEveryClaimAndSignsOffThroughTheForms() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);
        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("can-turmeric-calm-joint-pain")))
                .andExpect(content().string(containsString("supplements")))
                .andExpect(content().string(containsString("Curcumin may reduce knee pain.")))
                .andExpect(content().string(containsString("Approving needs every claim approved first.")));

        for (String claim : new String[] {"c-pain", "c-dose"}) {
            decide(articleId, claim, "APPROVED")
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/reviews/" + articleId + "#claim-" + claim))
                    .andExpect(flash().attribute("notice", "Claim approved."));
        }
        // The dose claim needs a second reviewer.
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                        .with(user("paul").roles("MEDICAL_REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(flash().attribute("notice", "Claim approved."));
        java.time.LocalDate reviewBy =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6);
        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("contentHash", draft.getContentHash())
                        .param("reviewBy", reviewBy.toString()))
                .andExpect(status().isFound())
                // The reviewer is told the date the approval's re-review timer got.
                .andExpect(flash().attribute(
                                "notice",
                                "Approved: the article goes to rendering and publication. Its review expires on "
                                        + reviewBy + " (UTC)."));
        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(content().string(containsString("approved")))
                .andExpect(content().string(not(containsString("Approve for publication"))));
    }

    @Test
    void signingOffAnOlderTextAsksToReload() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        submit(DraftEvents.draft(articleId, 2, false));

        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("decision", "REQUEST_CHANGES")
                        .param("contentHash", DraftEvents.contentHash(1)))
                .andExpect(flash().attribute("problem", containsString("reload the page")));
    }

    @Test
    void anAuthorSeesTheirOwnArticleReadOnlyAndAForgedDecisionIsRefused() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, true));

        mvc.perform(get("/reviews/{id}", articleId).with(dana()))
                .andExpect(content().string(containsString("you may not review it")))
                .andExpect(content().string(not(containsString("value=\"APPROVED\""))));
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                        .with(dana())
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(flash().attribute("problem", containsString("article they wrote")));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndWritersSeeNoReviewPages() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                        .with(rita())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(user("wanda").roles("WRITER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownArticleIsAPage() throws Exception {
        mvc.perform(get("/reviews/{id}", "nothing-here").with(rita()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("No revision of this article is under review.")));
    }

    private ResultActions decide(String articleId, String claim, String decision) throws Exception {
        return mvc.perform(post("/reviews/{a}/claims/{c}", articleId, claim)
                .with(rita())
                .with(csrf())
                .param("decision", decision)
                .param("revision", "1")
                .param("comment", "Consistent with trials")
                .param("reference", "https://example.org/trial"));
    }

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }

    private static RequestPostProcessor dana() {
        return user("dana").roles("MEDICAL_REVIEWER", "WRITER");
    }
}
