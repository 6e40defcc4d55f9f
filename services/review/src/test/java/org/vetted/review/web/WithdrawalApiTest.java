package org.vetted.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.test.web.servlet.ResultActions;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.ArticleWithdrawn;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.WithdrawalKind;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

class WithdrawalApiTest extends ReviewServiceTest {
    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"revision\":1}";

    private String approved() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);
        decideClaim("rita", articleId, "c-pain", APPROVE).andExpect(status().isOk());
        decideClaim("rita", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", APPROVE).andExpect(status().isOk());
        signOff("paul", articleId, DraftEvents.approving(1)).andExpect(status().isOk());
        return articleId;
    }

    private ResultActions withdraw(String user, String articleId, String action, String json) throws Exception {
        return mvc.perform(post("/api/reviews/{a}/{action}", articleId, action)
                .with(httpBasic(user, user + "-pass"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** Every ArticleWithdrawn of the article sent so far (other tests' records on the topic are passed over). */
    private List<ArticleWithdrawn> withdrawnOn(String articleId) {
        List<ArticleWithdrawn> found = new ArrayList<>();
        Message<byte[]> message;
        while ((message = output.receive(200, Topics.WITHDRAWN)) != null) {
            if (articleId.equals(message.getHeaders().get(KafkaHeaders.KEY))) {
                found.add((ArticleWithdrawn) (Object) message.getPayload());
            }
        }
        return found;
    }

    @Test
    void aReviewerRetractsThenTakesDownWithSignedEventsAndTheAuditOnRecord() throws Exception {
        String articleId = approved();

        withdraw("rita", articleId, "retraction", "{\"reason\":\"  The dose table was \\u200bwrong. \"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("RETRACTED"))
                .andExpect(jsonPath("$.reason").value("The dose table was wrong."))
                .andExpect(jsonPath("$.decidedBy.username").value("rita"))
                .andExpect(jsonPath("$.revision").value(1));
        // The same decision again: answered as it stands, nothing published twice.
        withdraw("paul", articleId, "retraction", "{\"reason\":\"Another reason\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("The dose table was wrong."))
                .andExpect(jsonPath("$.decidedBy.username").value("rita"));
        withdraw("eddie", articleId, "takedown", "{\"reason\":\"Legal request\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("UNPUBLISHED"))
                .andExpect(jsonPath("$.decidedBy.credential").value(""));
        withdraw("rita", articleId, "retraction", "{\"reason\":\"Back to a retraction\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Already withdrawn further"));

        List<ArticleWithdrawn> events = withdrawnOn(articleId);
        assertThat(events)
                .extracting(ArticleWithdrawn::getKind)
                .containsExactly(WithdrawalKind.RETRACTED, WithdrawalKind.UNPUBLISHED);
        assertThat(events).allSatisfy(event -> {
            assertThat(DemoKeys.signaturesOf(Issuer.DISTRIBUTION).isSigned(event))
                    .isTrue();
            assertThat(event.getSlug()).isNotBlank();
            assertThat(event.getContentHash()).isEqualTo(DraftEvents.contentHash(1));
        });
        mvc.perform(get("/api/reviews/{a}/withdrawals", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("UNPUBLISHED"))
                .andExpect(jsonPath("$.decisions.length()").value(2))
                .andExpect(jsonPath("$.decisions[0].reason").value("The dose table was wrong."))
                .andExpect(jsonPath("$.decisions[1].decidedBy.username").value("eddie"));
    }

    @Test
    void aReasonOfInvisibleCharactersOnlyIsBlankAndATooLongOneIsRefused() throws Exception {
        String articleId = approved();
        for (String blank :
                List.of("{}", "{\"reason\":\"\\u200b\\u2060\\ufeff\\u00ad \\u202e\"}", "{\"reason\":\" \"}")) {
            withdraw("rita", articleId, "retraction", blank)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith("required")));
        }
        withdraw("rita", articleId, "takedown", "{\"reason\":\"" + "x".repeat(2001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(withdrawnOn(articleId)).isEmpty();
    }

    @Test
    void aWriterIsRefusedAndAnUnknownOrUnapprovedArticleIsNot() throws Exception {
        String articleId = approved();
        withdraw("wanda", articleId, "retraction", "{\"reason\":\"I changed my mind\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        withdraw("wanda", articleId, "takedown", "{\"reason\":\"I changed my mind\"}")
                .andExpect(status().isForbidden());
        withdraw("rita", newArticleId(), "retraction", "{\"reason\":\"Wrong\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown article"));

        String open = newArticleId();
        submit(DraftEvents.draft(open, 1, false));
        withdraw("rita", open, "takedown", "{\"reason\":\"Wrong\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not approved"));
        assertThat(withdrawnOn(articleId)).isEmpty();
    }
}
