package org.vetted.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
                .andExpect(jsonPath("$.articles[*].articleId", hasItem(wandas)))
                .andExpect(jsonPath("$.articles[*].articleId", not(hasItem(walters))));
        mvc.perform(get("/api/articles/{id}", wandas).with(basic("wanda")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].actor").value("wanda"));

        // Not 403: the answer must not tell that the id exists.
        String unknown = mvc.perform(
                        get("/api/articles/{id}", "no-such-article").with(basic("wanda")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/api/articles/{id}", walters).with(basic("wanda")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unknown article"))
                .andExpect(jsonPath("$.detail")
                        .value(json.readTree(unknown).get("detail").asString().replace("no-such-article", walters)));
    }

    @Test
    void anEditorSeesEveryArticle() throws Exception {
        String wandas = submitAs("wanda", "wanda-pass");
        String walters = submitAs("walter", "walter-pass");

        mvc.perform(get("/api/articles").with(basic("eddie")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.articles[*].articleId", hasItem(wandas)))
                .andExpect(jsonPath("$.articles[*].articleId", hasItem(walters)));
        mvc.perform(get("/api/articles/{id}", walters).with(basic("eddie"))).andExpect(status().isOk());
    }

    @Test
    void aReviewerWhoWroteNothingHereSeesNoArticle() throws Exception {
        String wandas = submitAs("wanda", "wanda-pass");

        mvc.perform(get("/api/articles").with(basic("rita")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.articles[*].articleId", not(hasItem(wandas))));
        mvc.perform(get("/api/articles/{id}", wandas).with(basic("rita"))).andExpect(status().isNotFound());
    }

    @Test
    void theListComesAPageAtATimeWithTheCursorOfTheNext() throws Exception {
        // Wren's own articles only: the other tests share the database.
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(0, submitAs("wren", "wren-pass"));
        }
        List<String> seen = new ArrayList<>();
        String first = mvc.perform(get("/api/articles").param("limit", "2").with(basic("wren")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.articles.length()").value(2))
                .andExpect(jsonPath("$.articles[0].lastActivityAt").exists())
                .andReturn()
                .getResponse()
                .getContentAsString();
        json.readTree(first)
                .get("articles")
                .forEach(article -> seen.add(article.get("articleId").asString()));
        String next = json.readTree(first).get("next").asString();
        String second = mvc.perform(get("/api/articles")
                        .param("limit", "2")
                        .param("cursor", next)
                        .with(basic("wren")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        json.readTree(second)
                .get("articles")
                .forEach(article -> seen.add(article.get("articleId").asString()));

        assertThat(seen.subList(0, 3)).containsExactlyElementsOf(submitted);
        String last = mvc.perform(get("/api/articles").param("limit", "100").with(basic("wren")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(last).has("next"))
                .as("no next page after the last")
                .isFalse();
    }

    @Test
    void aBadLimitOrCursorIsA400ThatNamesTheParameter() throws Exception {
        for (String limit : List.of("0", "101", "ten", "-1")) {
            mvc.perform(get("/api/articles").param("limit", limit).with(basic("wanda")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        mvc.perform(get("/api/articles").param("cursor", "forged").with(basic("wanda")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/articles").param("limit", "100").with(basic("wanda")))
                .andExpect(status().isOk());
    }

    private String submitAs(String user, String password) throws Exception {
        String body = mvc.perform(post("/api/drafts")
                        .with(httpBasic(user, password))
                        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                        .content(DRAFT.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("articleId").asString();
    }

    private static RequestPostProcessor basic(String user) {
        return httpBasic(user, user + "-pass");
    }
}
