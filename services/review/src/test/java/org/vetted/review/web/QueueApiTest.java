package org.vetted.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/**
 * {@code GET /api/reviews}: the queue a page at a time, paged by an opaque cursor in the database, filtered and
 * sorted. Test classes share one database, so each test lists its own articles by a tag of its own.
 */
class QueueApiTest extends ReviewServiceTest {
    private static final Instant MONDAY = Instant.parse("2026-05-04T08:00:00Z");
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";

    /** Five articles under a new tag, submitted an hour apart, the first oldest; the third co-written by Dana. */
    private List<String> fiveUnder(String tag) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String articleId = newArticleId();
            submit(DraftEvents.listed(
                    articleId,
                    i == 2,
                    "Article " + i + (i == 4 ? " on Ginger" : ""),
                    List.of(tag, "Nutrition"),
                    MONDAY.plusSeconds(3600L * i)));
            ids.add(articleId);
        }
        return ids;
    }

    private static String newTag() {
        return "tag-" + UUID.randomUUID();
    }

    private static MockHttpServletRequestBuilder queue(String query) {
        return get("/api/reviews?" + query).with(httpBasic("rita", "rita-pass"));
    }

    private String body(String query) throws Exception {
        return mvc.perform(queue(query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static List<String> ids(String body) {
        return JsonPath.read(body, "$.items[*].articleId");
    }

    @Test
    void pagesFollowTheCursorForwardsAndBackAcrossTheWholeQueue() throws Exception {
        String tag = newTag();
        List<String> ids = fiveUnder(tag);

        String first = body("tag=" + tag + "&limit=2");
        assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat((Object) JsonPath.read(first, "$.previous")).isNull();
        assertThat((Integer) JsonPath.read(first, "$.limit")).isEqualTo(2);
        String next = JsonPath.read(first, "$.next");
        assertThat(next).isNotBlank().doesNotContain(ids.get(1));

        String second = body("tag=" + tag + "&limit=2&cursor=" + next);
        assertThat(ids(second)).containsExactly(ids.get(2), ids.get(3));
        String third = body("tag=" + tag + "&limit=2&cursor=" + JsonPath.read(second, "$.next"));
        assertThat(ids(third)).containsExactly(ids.get(4));
        assertThat((Object) JsonPath.read(third, "$.next")).as("the last page").isNull();

        String back = body("tag=" + tag + "&limit=2&cursor=" + JsonPath.read(third, "$.previous"));
        assertThat(ids(back)).containsExactly(ids.get(2), ids.get(3));
        String start = body("tag=" + tag + "&limit=2&cursor=" + JsonPath.read(back, "$.previous"));
        assertThat(ids(start)).containsExactly(ids.get(0), ids.get(1));
        assertThat((Object) JsonPath.read(start, "$.previous"))
                .as("back at the first page")
                .isNull();
    }

    @Test
    void newestFirstAndAPageSizeOfOne() throws Exception {
        String tag = newTag();
        List<String> ids = fiveUnder(tag);

        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            String page = body("tag=" + tag + "&sort=newest&limit=1" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            Object next = JsonPath.read(page, "$.next");
            cursor = next == null ? "" : (String) next;
        } while (!cursor.isEmpty());

        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void filtersByAuthorTagTitleSecondReviewerAndMyDecisions() throws Exception {
        String tag = newTag();
        List<String> ids = fiveUnder(tag);
        // Rita approves the dose claim of article 1 (it waits for a second reviewer) and a claim of article 3.
        decideClaim("rita", ids.get(1), "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("rita", ids.get(3), "c-pain", APPROVE).andExpect(status().isOk());

        assertThat(ids(body("tag=" + tag + "&author=dana"))).containsExactly(ids.get(2));
        assertThat(ids(body("tag=" + tag + "&author=Dana Diaz"))).containsExactly(ids.get(2));
        assertThat(ids(body("tag=" + tag.toUpperCase() + "&q=ginger")))
                .as("case aside")
                .containsExactly(ids.get(4));
        for (String folded : List.of("gin\u200Bger", "ＧＩＮＧＥＲ", "  GINGER\u2060 ")) {
            assertThat(ids(mvc.perform(get("/api/reviews")
                                    .param("tag", tag)
                                    .param("q", folded)
                                    .with(httpBasic("rita", "rita-pass")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString()))
                    .as("the search words in the titles' folded form: %s", folded)
                    .containsExactly(ids.get(4));
        }
        assertThat(ids(mvc.perform(get("/api/reviews")
                                .param("tag", tag)
                                .param("q", "\u200B\u200D")
                                .with(httpBasic("rita", "rita-pass")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .as("invisible words are no search")
                .hasSize(5);
        assertThat(ids(mvc.perform(get("/api/reviews")
                                .param("tag", tag)
                                .param("q", "Article%")
                                .with(httpBasic("rita", "rita-pass")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .as("a % is a character, not a wildcard")
                .isEmpty();
        assertThat(ids(body("tag=" + tag + "&needsSecondReviewer=true"))).containsExactly(ids.get(1));
        assertThat(ids(body("tag=" + tag + "&mine=true"))).containsExactly(ids.get(1), ids.get(3));
        assertThat(ids(mvc.perform(get("/api/reviews?tag=" + tag + "&mine=true").with(httpBasic("paul", "paul-pass")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .as("mine is the signed-in reviewer's")
                .isEmpty();
        assertThat(ids(body("tag=" + tag + "&sort=risk&limit=2")))
                .as("waiting for a second reviewer first")
                .containsExactly(ids.get(1), ids.get(0));

        mvc.perform(queue("tag=" + tag + "&needsSecondReviewer=true"))
                .andExpect(jsonPath("$.items[0].waitsForSecondReviewer").value(true))
                .andExpect(jsonPath("$.items[0].highRiskOpen").value(1))
                .andExpect(jsonPath("$.items[0].tags[0]").value(tag))
                .andExpect(jsonPath("$.items[0].authors[0].username").value("wanda"))
                .andExpect(jsonPath("$.items[0].decided").value(0))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    @Test
    void theDefaultPageHoldsTwentyFive() throws Exception {
        mvc.perform(queue(""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limit").value(QueueParameters.DEFAULT_LIMIT));
        assertThat(QueueParameters.DEFAULT_LIMIT).isEqualTo(25);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "limit, 0",
        "limit, 101",
        "limit, ten",
        "sort, alphabetical",
        "cursor, not-a-cursor",
        "cursor, cTE",
        // Cursors of the right shape with a part tampered: a count, a time, a flag, the version.
        "cursor, cTF8T0xERVNUfGZ8dHJ1ZXx4fDIwMjYtMDEtMDFUMDA6MDA6MDBafGE",
        "cursor, cTF8T0xERVNUfGZ8dHJ1ZXwxfHllc3RlcmRheXxh",
        "cursor, cTF8T0xERVNUfGZ8bWF5YmV8MXwyMDI2LTAxLTAxVDAwOjAwOjAwWnxh",
        "cursor, cTJ8T0xERVNUfGZ8dHJ1ZXwxfDIwMjYtMDEtMDFUMDA6MDA6MDBafGE",
        "needsSecondReviewer, maybe",
        "mine, yes"
    })
    void aBadParameterIs400NamingIt(String parameter, String value) throws Exception {
        mvc.perform(queue(parameter + "=" + value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid query parameter"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    @Test
    void aCursorBelongsToItsOrderAndTextFiltersHaveALimit() throws Exception {
        String tag = newTag();
        fiveUnder(tag);
        String next = JsonPath.read(body("tag=" + tag + "&limit=1"), "$.next");

        mvc.perform(queue("tag=" + tag + "&sort=risk&cursor=" + next))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"))
                .andExpect(
                        jsonPath("$.errors[0].reason").value("belongs to another sort order: start again without it"));
        mvc.perform(queue("q=" + "a".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/reviews?limit=0")).andExpect(status().isUnauthorized());
    }
}
