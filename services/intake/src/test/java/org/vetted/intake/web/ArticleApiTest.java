package org.vetted.intake.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.intake.IntakeAppTest;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/articles and /api/articles/{id} show an account what the writer pages show it, and nothing more. */
class ArticleApiTest extends IntakeAppTest {
    private static final String DRAFT = "Does Stretching Ease Back Pain?\nGentle stretching may ease back pain.\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void aWriterSeesTheirOwnArticlesAndAnotherWritersAnswers404LikeAnUnknownId() throws Exception {
        String wandas = submitAs("wanda", "wanda-pass");
        String walters = submitAs("walter", "walter-pass");

        mvc.perform(get("/api/articles").with(basic("wanda")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", hasItem(wandas)))
                .andExpect(jsonPath("$[*].articleId", not(hasItem(walters))));
        mvc.perform(get("/api/articles/{id}", wandas).with(basic("wanda")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].actor").value("wanda"));

        // Not 403: the answer must not tell that the id exists.
        String unknown = mvc.perform(get("/api/articles/{id}", "no-such-article").with(basic("wanda")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/articles/{id}", walters).with(basic("wanda")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unknown article"))
                .andExpect(jsonPath("$.detail").value(json.readTree(unknown).get("detail").asString()
                        .replace("no-such-article", walters)));
    }

    @Test
    void anEditorSeesEveryArticle() throws Exception {
        String wandas = submitAs("wanda", "wanda-pass");
        String walters = submitAs("walter", "walter-pass");

        mvc.perform(get("/api/articles").with(basic("eddie")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", hasItem(wandas)))
                .andExpect(jsonPath("$[*].articleId", hasItem(walters)));
        mvc.perform(get("/api/articles/{id}", walters).with(basic("eddie"))).andExpect(status().isOk());
    }

    @Test
    void aReviewerWhoWroteNothingHereSeesNoArticle() throws Exception {
        String wandas = submitAs("wanda", "wanda-pass");

        mvc.perform(get("/api/articles").with(basic("rita")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", not(hasItem(wandas))));
        mvc.perform(get("/api/articles/{id}", wandas).with(basic("rita"))).andExpect(status().isNotFound());
    }

    private String submitAs(String user, String password) throws Exception {
        String body = mvc.perform(post("/api/drafts").with(httpBasic(user, password))
                        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                        .content(DRAFT.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("articleId").asString();
    }

    private static RequestPostProcessor basic(String user) {
        return httpBasic(user, user + "-pass");
    }
}
