package org.vetted.review.web.pages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ReviewEvent.ReviewStatusChanged;
import org.vetted.review.domain.rereview.ReReviewSchedule;
import org.vetted.review.domain.rereview.ReReviewStatus;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** An article back in the queue because its review expired says so: a re-review, last reviewed when, and why. */
class ReReviewPageTest extends ReviewServiceTest {
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";

    @Autowired
    ReviewWorkflow workflow;

    @Autowired
    SignedEventRecords records;

    private static RequestPostProcessor rita() {
        return user("rita").roles("MEDICAL_REVIEWER");
    }

    @Test
    void aReopenedArticleSaysItIsAReReviewWithTheLastReviewDateAndTheReason() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        signOff("paul", articleId, DraftEvents.approving(1)).andExpect(status().isOk());
        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(content().string(not(containsString("id=\"re-review\""))));

        ArticleReview approved = workflow.find(articleId).orElseThrow();
        Instant approvedAt = approved.approval().approvedAt();
        Instant reviewBy = approvedAt.plus(Duration.ofDays(365));
        // The expiry as review's own timer signs and records it, for an approval resting on a retired library entry.
        ReviewStatusChanged expired = new ReviewStatusChanged(ReReviewSchedule.notice(
                ReReviewStatus.EXPIRED,
                articleId,
                approved.revision(),
                approved.draft().contentHash(),
                approved.draft().slug(),
                approvedAt,
                reviewBy,
                "lib-0123456789abcdef",
                "The trial was retracted.",
                reviewBy));
        workflow.record(expired, records.signed(expired));

        mvc.perform(get("/reviews/{id}", articleId).with(rita()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"re-review\"")))
                .andExpect(content().string(containsString("Re-review.")))
                .andExpect(content()
                        .string(containsString(
                                "Last reviewed <span>" + approvedAt.toString().substring(0, 10))))
                .andExpect(content().string(containsString(reviewBy.toString().substring(0, 10))))
                .andExpect(content().string(containsString("The trial was retracted.")));
    }
}
