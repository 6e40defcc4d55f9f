package org.vetted.review.web.pages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** Rejecting says why and, for the whole article, is asked twice; each outcome has a notice of its own kind. */
class RejectionPageTest extends ReviewServiceTest {

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }

    private String submitted() {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        return articleId;
    }

    private String statusOf(String articleId) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.status");
    }

    @Test
    void theCommentsAreRequiredToRejectAndTheArticlesRejectionIsApartFromTheEverydayButtons() throws Exception {
        String articleId = submitted();

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(content()
                        .string(containsString("<textarea id=\"comment-c-pain\" name=\"comment\" rows=\"2\" "
                                + "required maxlength=\"2000\">")))
                .andExpect(content().string(containsString("value=\"APPROVED\" class=\"approve\" formnovalidate")))
                .andExpect(content()
                        .string(containsString(
                                "<textarea id=\"signoff-comment\" name=\"comment\" " + "rows=\"3\" required")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"signoff-request-changes\"\n                  " + "formnovalidate>")))
                .andExpect(content().string(containsString("<div class=\"danger-zone\">")))
                .andExpect(content().string(containsString("<a href=\"#signoff\">Sign-off</a>")))
                .andExpect(content().string(containsString("id=\"first-open\"")));
    }

    @Test
    void rejectingAClaimWithoutACommentIsNotRecordedAndSaysWhy() throws Exception {
        String articleId = submitted();

        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                        .with(rita())
                        .with(csrf())
                        .param("decision", "REJECTED")
                        .param("revision", "1")
                        .param("comment", "  "))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", containsString("say in the comment why")));
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                        .with(rita())
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("decision", "REJECTED")
                        .param("revision", "1"))
                .andExpect(content()
                        .string(containsString("<p class=\"problem error message\" role=\"alert\">"
                                + "Not recorded: say in the comment why")));
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                        .with(rita())
                        .with(csrf())
                        .param("decision", "REJECTED")
                        .param("revision", "1")
                        .param("comment", "No trial shows it."))
                .andExpect(flash().attribute("notice", "Claim rejected."))
                .andExpect(flash().attribute("noticeKind", "warning"));
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                        .with(rita())
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(flash().attribute("notice", "Claim approved."))
                .andExpect(flash().attribute("noticeKind", "success"));
    }

    @Test
    void approvingAClaimAgainTellsTheReviewerSheCannotBeTheSecond() throws Exception {
        String articleId = submitted();
        for (int time = 0; time < 2; time++) {
            mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                    .with(rita())
                    .with(csrf())
                    .param("decision", "APPROVED")
                    .param("revision", "1"));
        }
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                        .with(rita())
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(flash().attribute("notice", containsString("that cannot be you")))
                .andExpect(flash().attribute("noticeKind", "warning"));
    }

    @Test
    void rejectingTheArticleAsksForConfirmationWithoutAScriptThenRejects() throws Exception {
        String articleId = submitted();
        String hash = DraftEvents.contentHash(1);

        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("contentHash", hash)
                        .param("comment", "Recommends a dose no guideline supports."))
                .andExpect(status().isOk())
                .andExpect(view().name("reject-confirm"))
                .andExpect(content().string(containsString("<h1>Reject the article?</h1>")))
                .andExpect(content().string(containsString("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">")))
                .andExpect(content().string(containsString(">Recommends a dose no guideline supports.</textarea>")))
                .andExpect(content().string(containsString("id=\"confirm-reject\"")))
                .andExpect(
                        content().string(containsString("href=\"/reviews/" + articleId + "\" id=\"cancel-reject\"")));
        org.assertj.core.api.Assertions.assertThat(statusOf(articleId))
                .as("nothing recorded before the confirmation")
                .isEqualTo("OPEN");

        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("contentHash", hash)
                        .param("confirmed", "yes")
                        .param("comment", "Recommends a dose no guideline supports."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/reviews/" + articleId))
                .andExpect(flash().attribute("notice", "Rejected: the writer sees your comment."))
                .andExpect(flash().attribute("noticeKind", "warning"));
        org.assertj.core.api.Assertions.assertThat(statusOf(articleId)).isEqualTo("REJECTED");
    }

    @Test
    void rejectingTheArticleWithoutACommentIsRefusedAtOnceAndKeepsNothingElse() throws Exception {
        String articleId = submitted();

        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("contentHash", DraftEvents.contentHash(1))
                        .param("comment", " ")
                        .param("confirmed", "yes"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", containsString("Not rejected: say why in the comment")));
        org.assertj.core.api.Assertions.assertThat(statusOf(articleId)).isEqualTo("OPEN");
        mvc.perform(get("/reviews/{id}", articleId).with(rita()).flashAttr("problem", "Not rejected."))
                .andExpect(content().string(containsString("<p class=\"problem error\" role=\"alert\">Not rejected.")))
                .andExpect(content().string(not(containsString("class=\"notice"))));
    }

    @Test
    void theSignOffNamesEachClaimInTheWay() throws Exception {
        String articleId = submitted();
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                .with(rita())
                .with(csrf())
                .param("decision", "REJECTED")
                .param("revision", "1")
                .param("comment", "No trial shows it."));

        mvc.perform(get("/reviews/{id}", articleId).with(user("paul").roles("MEDICAL_REVIEWER")))
                .andExpect(content()
                        .string(containsString("<a href=\"#claim-c-pain\">Curcumin may reduce knee "
                                + "pain.</a> — <span>rejected by Rita Reyes</span>")))
                .andExpect(content()
                        .string(containsString("<a href=\"#claim-c-dose\">Trials used 1,000 mg a "
                                + "day.</a> — <span>not decided yet</span>")));
    }
}
