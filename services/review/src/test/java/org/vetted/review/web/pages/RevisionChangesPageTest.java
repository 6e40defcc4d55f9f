package org.vetted.review.web.pages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** The review page shows what changed since the previous and the last approved revision, word by word. */
class RevisionChangesPageTest extends ReviewServiceTest {
    private static final String ADDED = "<ins><span class=\"visually-hidden\">[added: </span>";
    private static final String REMOVED = "<del><span class=\"visually-hidden\">[removed: </span>";
    private static final String END = "<span class=\"visually-hidden\">]</span>";

    @Test
    void theFirstRevisionShowsNoChanges() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("What changed"))))
                .andExpect(content().string(not(containsString("<ins>"))))
                .andExpect(content().string(not(containsString("<del>"))));
    }

    @Test
    void aSecondRevisionMarksTheWordsAddedAndRemovedAndEscapesThem() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        submit(DraftEvents.draft(
                articleId,
                2,
                false,
                DraftEvents.body(2).replace("with food", "with a meal") + "\n<script>alert('x')</script>\n"));

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What changed")))
                .andExpect(content()
                        .string(containsString("<summary>Changes since revision 1, the previous one</summary>")))
                .andExpect(content()
                        .string(containsString(
                                "Revision " + REMOVED + "1" + END + "</del>" + ADDED + "2" + END + "</ins>.")))
                .andExpect(content()
                        .string(containsString(
                                "with " + REMOVED + "food" + END + "</del>" + ADDED + "a meal" + END + "</ins>.")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("id=\"changes-approved\""))));
    }

    @Test
    void aRevisionAfterAnApprovedOneShowsTheChangesSinceEach() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        for (String claim : new String[] {"c-pain", "c-dose"}) {
            mvc.perform(post("/reviews/{a}/claims/{c}", articleId, claim)
                    .with(rita())
                    .with(csrf())
                    .param("decision", "APPROVED")
                    .param("revision", "1"));
        }
        mvc.perform(post("/reviews/{a}/claims/{c}", articleId, "c-dose")
                .with(user("paul").roles("MEDICAL_REVIEWER"))
                .with(csrf())
                .param("decision", "APPROVED")
                .param("revision", "1"));
        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(rita())
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("contentHash", DraftEvents.contentHash(1)))
                .andExpect(flash().attribute("notice", containsString("Approved")));
        submit(DraftEvents.draft(articleId, 2, false));

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(content()
                        .string(containsString("Changes since revision 1, the previous and last approved one")))
                .andExpect(content().string(not(containsString("id=\"changes-approved\""))));

        submit(DraftEvents.draft(articleId, 3, false));

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(content().string(containsString("id=\"changes-previous\"")))
                .andExpect(content().string(containsString("Changes since revision 2, the previous one")))
                .andExpect(content().string(containsString("id=\"changes-approved\"")))
                .andExpect(content().string(containsString("Changes since revision 1, the last approved one")))
                .andExpect(content().string(containsString(REMOVED + "1" + END + "</del>" + ADDED + "3")));
    }

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }
}
