package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.vetted.distribution.app.InMemoryPageStore;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Articles;

/** A corrected article as readers and downstream sites see it: its corrections with their dates, everywhere. */
@WebMvcTest(
        controllers = {
            ArticlePageController.class,
            FeedController.class,
            AtomFeedController.class,
            ArticleApiController.class
        })
@Import({SignedPagesWebFixture.SigningSite.class, CorrectedPagesWebTest.Pages.class})
class CorrectedPagesWebTest extends SignedPagesWebFixture {
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");

    @TestConfiguration
    static class Pages {
        @Bean
        PageStore pageStore() {
            PageStore pages = new InMemoryPageStore();
            pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
            pages.apply(Articles.corrected("a1", 2, "walking", "Walking", TUESDAY, "The dose is 200 mg <not 2000>."));
            pages.apply(Articles.corrected("a1", 3, "walking", "Walking", WEDNESDAY, "Added a reference."));
            pages.apply(Articles.published("a2", 1, "sleep", "Sleep", MONDAY));
            return pages;
        }
    }

    @Test
    void thePageListsEveryCorrectionWithItsDateLatestFirstEscaped() throws Exception {
        String page = mvc.perform(get("/articles/walking"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2 id=\"corrections-title\">Corrections</h2>")))
                .andExpect(content().string(containsString("The dose is 200 mg &lt;not 2000&gt;.")))
                .andExpect(content()
                        .string(containsString("<time datetime=\"2026-11-24T10:00:00Z\">November 24, 2026</time>")))
                .andExpect(content().string(containsString("Revision 3 of Walking")))
                .andExpect(content()
                        .string(containsString("\"@type\":\"CorrectionComment\",\"text\":\"Added a reference.\"")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String list = page.substring(page.indexOf("corrections-title"));
        assertThat(list.indexOf("Added a reference.")).isLessThan(list.indexOf("The dose is 200 mg"));
        mvc.perform(get("/articles/sleep"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("corrections-title"))))
                .andExpect(content().string(not(containsString("CorrectionComment"))));
    }

    @Test
    void theSignedArticleJsonCarriesEveryCorrectionOldestFirstAndSignsIt() throws Exception {
        String body = mvc.perform(get("/api/articles/walking"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.corrections.length()").value(2))
                .andExpect(jsonPath("$.corrections[0].revision").value(2))
                .andExpect(jsonPath("$.corrections[0].note").value("The dose is 200 mg <not 2000>."))
                .andExpect(jsonPath("$.corrections[0].correctedAt").value("2026-11-24T10:00:00Z"))
                .andExpect(jsonPath("$.corrections[1].note").value("Added a reference."))
                .andExpect(jsonPath("$.reReview").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(verifiedPayload(body).toString())
                .contains("\"note\":\"The dose is 200 mg <not 2000>.\"")
                .contains("\"note\":\"Added a reference.\"");
        mvc.perform(get("/api/articles/sleep"))
                .andExpect(jsonPath("$.corrections.length()").value(0));
    }

    @Test
    void theJsonFeedCarriesTheCorrections() throws Exception {
        mvc.perform(get("/feed.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("a1"))
                .andExpect(jsonPath("$.items[0]._corrections[0].note").value("The dose is 200 mg <not 2000>."))
                .andExpect(jsonPath("$.items[0]._corrections[0].corrected_at").value("2026-11-24T10:00:00Z"))
                .andExpect(jsonPath("$.items[0]._corrections[1].note").value("Added a reference."))
                .andExpect(jsonPath("$.items[0]._corrections[1].revision").value(3))
                .andExpect(jsonPath("$.items[0].content_html")
                        .value(containsString("<strong>Corrected</strong> on 2026-11-25: Added a reference.")))
                .andExpect(jsonPath("$.items[1]._corrections").doesNotExist());
    }

    @Test
    void theAtomEntryStartsWithTheLatestNote() throws Exception {
        String atom = mvc.perform(get("/feed.atom"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(atom));
        Entry walking = feed.getEntries().stream()
                .filter(entry -> entry.getTitle().equals("Walking"))
                .findFirst()
                .orElseThrow();
        assertThat(walking.getContents().get(0).getValue())
                .startsWith("<p><strong>Corrected</strong> on 2026-11-25: Added a reference.</p>")
                .contains("Revision 3 of Walking");
    }
}
