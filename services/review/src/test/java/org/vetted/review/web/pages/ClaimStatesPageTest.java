package org.vetted.review.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/**
 * The review page after an earlier revision: a carried-over claim says from where and by whom and can still be
 * decided; an open claim that changed says why; a high-risk claim says it needs two reviewers; the open count leaves
 * carried-over claims out.
 */
class ClaimStatesPageTest extends ReviewServiceTest {

    @Test
    void carriedOverDriftedAndHighRiskClaimsSayWhereTheyStand() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        decide(articleId, "c-pain", 1, rita(), "https://example.org/knee-trial");
        decide(articleId, "c-dose", 1, rita(), "");
        mvc.perform(post("/reviews/{id}/decision", articleId)
                .with(rita())
                .with(csrf())
                .param("decision", "REQUEST_CHANGES")
                .param("contentHash", DraftEvents.contentHash(1)));
        submit(DraftEvents.draft(
                articleId,
                2,
                false,
                DraftEvents.body(2),
                List.of(
                        new Claim(
                                "c-pain",
                                "Curcumin may reduce knee pain.",
                                ClaimKind.EFFECT,
                                true,
                                "Does It Work?",
                                false),
                        new Claim(
                                "c-dose-2", "Trials used 2,000 mg a day.", ClaimKind.DOSE, false, "How Much?", true))));

        String page = mvc.perform(get("/reviews/{id}", articleId).with(paul()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String carried = block(page, "c-pain");
        assertThat(carried)
                .contains("<strong class=\"verdict\">Approved</strong> by <span>Rita Reyes</span>")
                .contains(
                        "Carried over from revision 1: approved by Rita Reyes (reference https://example.org/knee-trial)")
                .contains("id=\"approve-c-pain\"", "id=\"reject-c-pain\"")
                .doesNotContain("class=\"drift\"");
        String drifted = block(page, "c-dose-2");
        assertThat(drifted)
                .contains("<strong class=\"verdict\">Not decided yet</strong>")
                .contains("Number changed: ‘1,000 mg’ → ‘2,000 mg’</span>. Revision <span>1</span> said: "
                        + "<q>Trials used 1,000 mg a day.</q>")
                .contains("High-risk claim (dose): needs two reviewers (0 of 2)")
                .contains("<strong>Absolute language</strong>")
                .doesNotContain("Carried over");
        assertThat(carried).doesNotContain("Absolute language");
        assertThat(page).contains("Claims still open: <strong class=\"count\">1</strong>");

        decide(articleId, "c-pain", 2, paul(), "");
        String rejected = block(
                mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                                .with(paul())
                                .with(csrf())
                                .header("HX-Request", "true")
                                .param("decision", "REJECTED")
                                .param("revision", "2")
                                .param("comment", "The new wording overstates the trial."))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "c-pain");
        assertThat(rejected)
                .as("a reviewer may still reject a carried-over claim, and that wins")
                .contains(
                        "data-verdict=\"REJECTED\"",
                        "<strong class=\"verdict\">Rejected</strong> by <span>Paul Park</span>")
                .doesNotContain("Carried over");
    }

    private void decide(String articleId, String claimId, int revision, RequestPostProcessor who, String reference)
            throws Exception {
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, claimId)
                .with(who)
                .with(csrf())
                .param("decision", "APPROVED")
                .param("revision", String.valueOf(revision))
                .param("reference", reference));
    }

    /** The claim's {@code <article>} block, whitespace between tags set aside. */
    private static String block(String html, String claimId) {
        Matcher block = Pattern.compile("<article id=\"claim-" + claimId + "\".*?</article>", Pattern.DOTALL)
                .matcher(html);
        assertThat(block.find()).as("block of " + claimId).isTrue();
        return block.group().replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
    }

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }

    private static RequestPostProcessor paul() {
        return user("paul").roles("MEDICAL_REVIEWER");
    }
}
