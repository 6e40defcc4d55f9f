package org.vetted.review.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/**
 * Claim decisions sent by htmx ({@code HX-Request: true}): answered with the claim's block and the sign-off's state
 * out of band, never a page; without htmx the same form posts and redirects as before.
 */
class ClaimsInPlaceTest extends ReviewServiceTest {
    private static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    @Test
    void theClaimFormsPostWithOrWithoutHtmxAndHtmxIsServedFromItsWebjar() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        String action = "/reviews/" + articleId + "/claims/c-pain";

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                // Only the service's own scripts run: a draft's text cannot bring any.
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(content().string(containsString("<script src=\"" + HTMX + "\" defer")))
                .andExpect(content().string(containsString("action=\"" + action + "\"")))
                .andExpect(content().string(containsString("hx-post=\"" + action + "\"")))
                .andExpect(content().string(containsString("hx-target=\"closest .claim\" hx-swap=\"outerHTML\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("hx-swap-oob"))));
        mvc.perform(get(HTMX)).andExpect(status().isOk()).andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/js/review.js")).andExpect(status().isOk());
    }

    @Test
    void theReviewerSeesTheBodyAsReadersWillWithNothingExecutable() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(
                articleId,
                1,
                false,
                "Magnesium may ease cramps.\n\n| Dose | Note |\n|---|---|\n| 200 mg | daily |\n\n"
                        + "[a study](javascript:alert(1)) <script>alert(2)</script>\n"));

        String page = mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String rendered = page.substring(
                page.indexOf("id=\"rendered\""), page.indexOf("</details>", page.indexOf("id=\"rendered\"")));

        assertThat(rendered)
                .contains("<p>Magnesium may ease cramps.</p>", "<td>200 mg</td>", "&lt;script&gt;")
                .doesNotContain("javascript:", "<script");
    }

    @Test
    void aDecisionByHtmxAnswersTheClaimsBlockAndTheSignOffStateOutOfBand() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        decideInPlace(articleId, "c-pain", "APPROVED", 1, rita())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("<main"))))
                .andExpect(content()
                        .string(containsString("<article id=\"claim-c-pain\" class=\"claim\" " + "tabindex=\"-1\"")))
                .andExpect(content().string(containsString("data-verdict=\"APPROVED\" data-settled=\"true\">")))
                .andExpect(content().string(containsString("<strong class=\"verdict\">Approved</strong> by")))
                .andExpect(content()
                        .string(containsString(
                                "<p class=\"notice message success\" role=\"status\">Claim approved.</p>")))
                .andExpect(content().string(containsString("<summary>Change your decision</summary>")))
                .andExpect(content().string(containsString("<a href=\"#claim-c-dose\">Next open claim</a>")))
                .andExpect(content()
                        .string(containsString("<a href=\"#claim-c-dose\">Trials used 1,000 mg a "
                                + "day.</a> — <span>not decided yet</span>")))
                .andExpect(content().string(containsString("<div id=\"signoff-state\" hx-swap-oob=\"true\">")))
                .andExpect(content().string(containsString("<strong class=\"count\">1</strong>")))
                .andExpect(content().string(containsString("disabled")));

        // The dose claim needs two reviewers: one approval leaves it open.
        decideInPlace(articleId, "c-dose", "APPROVED", 1, rita())
                .andExpect(content().string(containsString("<article id=\"claim-c-dose\"")))
                .andExpect(content().string(not(containsString("claim-c-pain"))))
                .andExpect(content().string(containsString("<strong class=\"verdict\">Approved (1 of 2)</strong>")))
                .andExpect(content().string(containsString("High-risk claim (dose): needs two reviewers (1 of 2)")))
                .andExpect(content().string(containsString("<strong class=\"count\">1</strong>")))
                .andExpect(content().string(containsString("A high-risk claim")))
                .andExpect(content().string(containsString("<span>needs a second reviewer (1 of 2)</span>")))
                .andExpect(content().string(containsString("disabled")));

        // Approving it again changes nothing, and says so: Rita cannot be the second reviewer.
        decideInPlace(articleId, "c-dose", "APPROVED", 1, rita())
                .andExpect(content()
                        .string(containsString("<p class=\"notice message warning\" role=\"status\">"
                                + "Claim approved. You had already approved this claim, so your approval does not count "
                                + "twice: it still needs a second reviewer, and that cannot be you (four eyes).</p>")))
                .andExpect(content().string(containsString("<strong class=\"verdict\">Approved (1 of 2)</strong>")));

        decideInPlace(articleId, "c-dose", "APPROVED", 1, user("paul").roles("MEDICAL_REVIEWER"))
                .andExpect(content().string(containsString("<strong class=\"verdict\">Approved</strong> by")))
                .andExpect(content().string(containsString("needs two reviewers (2 of 2)")))
                .andExpect(content().string(containsString("Approved by Rita Reyes")))
                .andExpect(content().string(containsString("<strong class=\"count\">0</strong>")))
                .andExpect(content().string(containsString("id=\"signoff-approve\"")))
                .andExpect(content().string(not(containsString("disabled"))));
    }

    @Test
    void theBlockSwappedInIsTheBlockAFullReloadShows() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        String swapped = decideInPlace(articleId, "c-pain", "REJECTED", 1, rita())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String reloaded = mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(block(swapped, "c-pain")).contains("Rejected").contains("Claim rejected.");
        assertThat(withoutMessage(block(swapped, "c-pain"))).isEqualTo(withoutMessage(block(reloaded, "c-pain")));
    }

    @Test
    void aRefusalIsAnsweredInPlaceWithItsReason() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, true));

        decideInPlace(articleId, "c-pain", "APPROVED", 1, user("dana").roles("MEDICAL_REVIEWER", "WRITER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-verdict=\"UNDECIDED\"")))
                .andExpect(content()
                        .string(containsString("role=\"alert\">Not recorded: a reviewer may not decide "
                                + "claims of an article they wrote")))
                .andExpect(content().string(not(containsString("<form"))))
                .andExpect(content().string(not(containsString("hx-swap-oob"))));
    }

    @Test
    void aDecisionFromAPageShowingAnOlderRevisionAsksForAReload() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        submit(DraftEvents.draft(articleId, 2, false));

        decideInPlace(articleId, "c-pain", "APPROVED", 1, rita())
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<article id=\"claim-c-pain\" class=\"claim\" " + "data-verdict=\"STALE\">")))
                .andExpect(content().string(containsString("the text changed while the page was open")))
                .andExpect(content().string(containsString("href=\"/reviews/" + articleId + "\">Reload the page</a>")))
                .andExpect(content().string(not(containsString("<form"))));
    }

    @Test
    void withoutHtmxTheFormRedirectsAndWithoutTheCsrfTokenEitherIsRefused() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-pain")
                        .with(rita())
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/reviews/" + articleId + "#claim-c-pain"));
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                        .with(rita())
                        .header("HX-Request", "true")
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                        .with(rita())
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void signedOutHtmxIsToldSoRatherThanRedirectedToTheSignInPage() throws Exception {
        mvc.perform(post("/reviews/{a}/claims/{c}", newArticleId(), "c-pain")
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("decision", "APPROVED")
                        .param("revision", "1"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void afterARedirectTheMessageStandsInTheClaimsBlock() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        String page = mvc.perform(get("/reviews/{id}", articleId)
                        .with(rita())
                        .flashAttr("notice", "Claim approved.")
                        .flashAttr("messageFor", "c-dose"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(block(page, "c-dose")).contains("role=\"status\">Claim approved.</p>");
        assertThat(page).containsOnlyOnce("Claim approved.");
    }

    private ResultActions decideInPlace(
            String articleId, String claim, String decision, int revision, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/reviews/{a}/claims/{c}", articleId, claim)
                .with(who)
                .with(csrf())
                .header("HX-Request", "true")
                .param("decision", decision)
                .param("revision", String.valueOf(revision))
                .param("comment", "REJECTED".equals(decision) ? "No trial shows this." : ""));
    }

    /** The claim's {@code <article>} block, whitespace between tags set aside. */
    private static String block(String html, String claimId) {
        Matcher block = Pattern.compile("<article id=\"claim-" + claimId + "\".*?</article>", Pattern.DOTALL)
                .matcher(html);
        assertThat(block.find()).as("block of " + claimId).isTrue();
        return block.group().replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
    }

    /** The block without its message, and without the CSRF token, which is masked afresh for every response. */
    private static String withoutMessage(String block) {
        return block.replaceAll("<p class=\"(notice|problem)[a-z ]*\"[^>]*>[^<]*</p>", "")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }
}
