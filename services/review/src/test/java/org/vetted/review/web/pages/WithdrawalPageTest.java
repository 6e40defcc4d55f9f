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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** The article page shows its withdrawals (who, when, why) and withdraws after asking again, post/redirect/get. */
class WithdrawalPageTest extends ReviewServiceTest {
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }

    private String approved() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        signOff("paul", articleId, DraftEvents.approving(1)).andExpect(status().isOk());
        return articleId;
    }

    @Test
    void aRetractionIsAskedAgainThenRecordedAndShownWithWhoAndWhy() throws Exception {
        String articleId = approved();
        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"withdrawal-none\"")))
                .andExpect(content().string(containsString("id=\"withdraw-retract\"")));

        mvc.perform(post("/reviews/{id}/withdrawal", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("kind", "RETRACTED")
                        .param("reason", " The dose\u200b table was wrong. "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Retract the article?")))
                .andExpect(content().string(containsString("The dose table was wrong.</textarea>")));
        mvc.perform(get("/api/reviews/{a}/withdrawals", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.state").value("NONE"));

        mvc.perform(post("/reviews/{id}/withdrawal", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("kind", "RETRACTED")
                        .param("confirmed", "yes")
                        .param("reason", "The dose table was wrong."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/reviews/" + articleId + "#withdrawal"))
                .andExpect(flash().attribute("notice", containsString("Retracted")));
        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(content().string(containsString("id=\"withdrawal-history\"")))
                .andExpect(content().string(containsString("<strong>Retracted</strong>")))
                .andExpect(content().string(containsString("The dose table was wrong.")))
                .andExpect(content().string(not(containsString("id=\"withdraw-retract\""))))
                .andExpect(content().string(containsString("id=\"withdraw-takedown\"")));
    }

    @Test
    void aBlankReasonIsNotAskedAboutAndNothingIsRecorded() throws Exception {
        String articleId = approved();
        mvc.perform(post("/reviews/{id}/withdrawal", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("kind", "UNPUBLISHED")
                        .param("reason", "\u200b\u2060"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", containsString("Not withdrawn: required")));
        mvc.perform(get("/api/reviews/{a}/withdrawals", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.state").value("NONE"));
    }

    @Test
    void aWriterMayNotWithdraw() throws Exception {
        String articleId = approved();
        mvc.perform(post("/reviews/{id}/withdrawal", articleId)
                        .with(user("wanda").roles("WRITER"))
                        .with(csrf())
                        .param("kind", "UNPUBLISHED")
                        .param("confirmed", "yes")
                        .param("reason", "Mine"))
                .andExpect(status().isForbidden());
    }
}
