package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.vetted.distribution.app.InMemoryPageStore;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.WithdrawalKind;

/** Retracted and taken-down articles as readers and downstream sites see them; a store of their own. */
@WebMvcTest(
        controllers = {
            ArticlePageController.class,
            ArticleApiController.class,
            FeedController.class,
            HomePageController.class,
            KeysController.class
        })
@Import({SignedPagesWebFixture.SigningSite.class, WithdrawnPagesWebTest.Pages.class})
class WithdrawnPagesWebTest extends SignedPagesWebFixture {
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

    @TestConfiguration
    static class Pages {
        @Bean
        PageStore pageStore() {
            PageStore pages = new InMemoryPageStore();
            pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
            pages.apply(Articles.published("a2", 1, "sleep", "Sleep", MONDAY.plusSeconds(60)));
            pages.apply(Articles.published("a3", 1, "zinc", "Zinc", MONDAY.plusSeconds(120)));
            pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", TUESDAY));
            pages.apply(Articles.withdrawn("a2", WithdrawalKind.RETRACTED, "sleep", TUESDAY));
            pages.apply(Articles.withdrawn("a2", WithdrawalKind.UNPUBLISHED, "sleep", TUESDAY.plusSeconds(60)));
            return pages;
        }
    }

    @Test
    void aRetractedArticleIsServedWithTheNoticeTheReasonAndTheDateMarkedRetractedAndNotIndexed() throws Exception {
        mvc.perform(get("/articles/walking"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This article has been retracted")))
                .andExpect(content().string(containsString("The dose table was wrong")))
                .andExpect(content().string(containsString("November 24, 2026")))
                .andExpect(content().string(containsString("<meta name=\"robots\" content=\"noindex\">")))
                .andExpect(content().string(containsString("<section class=\"retracted\"")))
                .andExpect(content().string(containsString("Revision 1 of Walking")))
                .andExpect(content().string(containsString("\"creativeWorkStatus\":\"Retracted\"")))
                .andExpect(content().string(containsString("\"@type\":\"CorrectionComment\"")));
        mvc.perform(get("/articles/zinc"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("noindex"))))
                .andExpect(content().string(not(containsString("This article has been retracted"))))
                .andExpect(content().string(not(containsString("<section class=\"retracted\""))));
    }

    @Test
    void aTakenDownArticleIsGoneOnItsPageAndInTheApi() throws Exception {
        mvc.perform(get("/articles/sleep").accept(MediaType.TEXT_HTML))
                .andExpect(status().isGone())
                .andExpect(content().string(not(containsString("Sleep"))));
        mvc.perform(get("/api/articles/sleep"))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.slug").value("sleep"));
    }

    @Test
    void theApiCarriesTheRetractionSignedWithTheRest() throws Exception {
        String body = mvc.perform(get("/api/articles/walking"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retraction.reason").value("The dose table was wrong"))
                .andExpect(jsonPath("$.retraction.decidedBy.name").value("Rita Reyes"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String keys = mvc.perform(get("/.well-known/jwks.json"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(new DownstreamSite(keys).problem(body)).isEmpty();
        mvc.perform(get("/api/articles/zinc"))
                .andExpect(jsonPath("$.retraction").doesNotExist());
    }

    @Test
    void bothLeaveTheFrontPageAndTheFeedKeepsTheRetractedOneWithItsNotice() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Zinc")))
                .andExpect(content().string(not(containsString("Walking"))))
                .andExpect(content().string(not(containsString("Sleep"))));
        mvc.perform(get("/feed.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value("a3"))
                .andExpect(jsonPath("$.items[1].id").value("a1"))
                .andExpect(jsonPath("$.items[1].title").value("Retracted: Walking"))
                .andExpect(jsonPath("$.items[1].content_html").value(containsString("The dose table was wrong")))
                .andExpect(jsonPath("$.items[1]._retraction.reason").value("The dose table was wrong"));
    }
}
