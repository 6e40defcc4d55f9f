package org.vetted.review.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** The queue page: filters, an author column, waiting times, the second-reviewer mark, pages that keep the filters. */
class QueuePageTest extends ReviewServiceTest {

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }

    @Test
    void theQueueShowsAuthorsWaitingTimesAndTheSecondReviewerMarkAndPagesWithItsFilters() throws Exception {
        String tag = "tag-" + UUID.randomUUID();
        String older = newArticleId();
        String newer = newArticleId();
        submit(DraftEvents.listed(
                older, true, "Older article", List.of(tag), Instant.now().minus(Duration.ofHours(3))));
        submit(DraftEvents.listed(
                newer, false, "Newer article", List.of(tag), Instant.now().minusSeconds(5)));
        decideClaim("rita", older, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":1}");

        String page = mvc.perform(get("/").param("tag", tag).param("limit", "1").with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td data-label=\"Author\">Wanda Writer, Dana Diaz</td>")))
                .andExpect(content().string(containsString(">3 hours ago</time>")))
                .andExpect(content().string(containsString("<time datetime=\"")))
                .andExpect(content().string(containsString("class=\"flag second\">waits for a second")))
                .andExpect(content().string(containsString(" (1 high-risk)")))
                .andExpect(content().string(containsString("name=\"tag\" maxlength=\"200\" value=\"" + tag + "\"")))
                .andExpect(content().string(not(containsString("Newer article"))))
                .andExpect(content().string(not(containsString("id=\"queue-previous\""))))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Matcher next = Pattern.compile("href=\"([^\"]*)\" rel=\"next\" id=\"queue-next\"")
                .matcher(page);
        assertThat(next.find()).as("a next page link").isTrue();
        String nextUrl = next.group(1).replace("&amp;", "&");
        assertThat(nextUrl).contains("tag=" + tag).contains("limit=1").contains("cursor=");
        mvc.perform(get(java.net.URI.create(nextUrl)).with(rita()))
                .andExpect(content().string(containsString("Newer article")))
                .andExpect(content().string(containsString(">just now</time>")))
                .andExpect(content().string(not(containsString("Older article"))))
                .andExpect(content().string(containsString("id=\"queue-previous\"")))
                .andExpect(content().string(not(containsString("id=\"queue-next\""))));

        mvc.perform(get("/").param("tag", tag)
                        .param("needsSecondReviewer", "true")
                        .param("sort", "risk")
                        .with(rita()))
                .andExpect(content().string(containsString("Older article")))
                .andExpect(content().string(not(containsString("Newer article"))))
                .andExpect(content().string(containsString("<option value=\"risk\" selected=\"selected\">")))
                .andExpect(content().string(containsString("value=\"true\" checked=\"checked\"")));
    }

    @Test
    void aBadValueIsSaidOnThePageWhichShowsTheFirstPage() throws Exception {
        mvc.perform(get("/").param("limit", "5000").with(rita()))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Not a usable limit: must be a whole number from 1 to 100")));
        mvc.perform(get("/").param("tag", "no-such-tag-" + UUID.randomUUID()).with(rita()))
                .andExpect(content().string(containsString("Nothing waiting matches these")));
    }

    @Test
    void thePagesFitAPhone() throws Exception {
        String css =
                mvc.perform(get("/css/review.css")).andReturn().getResponse().getContentAsString();
        assertThat(css).contains("@media (max-width: 40rem)").contains("td::before { content: attr(data-label)");
        mvc.perform(get("/").with(rita()))
                .andExpect(content().string(containsString("name=\"viewport\" content=\"width=device-width")));
    }
}
