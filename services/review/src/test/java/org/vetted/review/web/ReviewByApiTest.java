package org.vetted.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** The sign-off's {@code reviewBy}: a day after today and within the bound, or a problem naming the field. */
class ReviewByApiTest extends ReviewServiceTest {
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";

    @Autowired
    JdbcTemplate jdbc;

    private String readyToSignOff() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        return articleId;
    }

    private static String approvingBy(String reviewBy) {
        return "{\"decision\":\"APPROVE\",\"contentHash\":\"" + DraftEvents.contentHash(1) + "\",\"reviewBy\":\""
                + reviewBy + "\"}";
    }

    private List<Timestamp> reviewByOf(String articleId) {
        return jdbc.queryForList("select review_by from review_timer where article_id = ?", Timestamp.class, articleId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2026-02-30",
                "2026-1-5",
                "\u200b\u2060",
                "2027-01-01T00:00:00Z",
                "２０２７-０１-０１",
                "1999-01-01",
                "9999-12-31"
            })
    void aReviewByDateThatIsNoDateOrPastOrTooFarIsRefusedNamingTheFieldAndNothingIsApproved(String reviewBy)
            throws Exception {
        String articleId = readyToSignOff();
        signOff("paul", articleId, approvingBy(reviewBy))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reviewBy"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value(Matchers.anyOf(
                                Matchers.is("must be a date, yyyy-mm-dd"),
                                Matchers.is("must be a day after today"),
                                Matchers.startsWith("must be at most"))));
        assertThat(reviewByOf(articleId)).isEmpty();
        signOff("paul", articleId, DraftEvents.approving(1)).andExpect(status().isOk());
    }

    @Test
    void todayIsRefusedAsPastAndTooLongARequestFieldIsRefusedBeforeParsing() throws Exception {
        String articleId = readyToSignOff();
        signOff("paul", articleId, approvingBy(LocalDate.now(ZoneOffset.UTC).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("must be a day after today"));
        signOff("paul", articleId, approvingBy("2027-01-01".repeat(10)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewBy"));
    }

    @Test
    void aReviewByDateWithinTheBoundIsTheApprovalsTimerAndNoneKeepsTheDefault() throws Exception {
        String articleId = readyToSignOff();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(90);
        signOff("paul", articleId, approvingBy(day.toString())).andExpect(status().isOk());
        assertThat(reviewByOf(articleId))
                .containsExactly(Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));

        String byDefault = readyToSignOff();
        signOff("paul", byDefault, DraftEvents.approving(1)).andExpect(status().isOk());
        assertThat(reviewByOf(byDefault)).hasSize(1);
        assertThat(reviewByOf(byDefault).get(0).toInstant())
                .isAfter(day.plusDays(200).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void thePageFormRefusesAReviewByDateInThePastAndApprovesNothing() throws Exception {
        String articleId = readyToSignOff();
        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(user("paul").roles("MEDICAL_REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("contentHash", DraftEvents.contentHash(1))
                        .param("reviewBy", "2001-01-01"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", Matchers.containsString("must be a day after today")));
        assertThat(reviewByOf(articleId)).isEmpty();
        mvc.perform(post("/reviews/{id}/decision", articleId)
                        .with(user("paul").roles("MEDICAL_REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("contentHash", DraftEvents.contentHash(1))
                        .param(
                                "reviewBy",
                                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", Matchers.nullValue()));
        assertThat(reviewByOf(articleId)).hasSize(1);
    }
}
