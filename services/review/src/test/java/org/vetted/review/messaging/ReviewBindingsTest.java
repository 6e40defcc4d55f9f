package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.vetted.contract.Topics;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewReturned;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

class ReviewBindingsTest extends ReviewServiceTest {

    @BeforeEach
    void drainOutputs() {
        output.clear();
    }

    private Object payloadOn(String topic, String articleId) {
        Message<byte[]> message = output.receive(1000, topic);
        assertThat(message).as("a message on " + topic).isNotNull();
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(articleId);
        return message.getPayload();
    }

    @Test
    void approvedDraftIsPublishedWithItsExactTextAndHash() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);

        decideClaim("rita", articleId, "c-pain", "{\"decision\":\"APPROVED\",\"reference\":\"doi:10.1000/knee\"}")
                .andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":1}")
                .andExpect(status().isOk());
        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"" + draft.getContentHash() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.contentHash").value(draft.getContentHash()));

        assertThat(payloadOn(Topics.CLAIM_REVIEWED, articleId)).isInstanceOfSatisfying(ClaimReviewed.class,
                reviewed -> {
                    assertThat(reviewed.getClaimId()).isEqualTo("c-pain");
                    assertThat(reviewed.getReference()).isEqualTo("doi:10.1000/knee");
                    assertThat(reviewed.getReviewer().getCredential()).isEqualTo("MD");
                });
        assertThat(payloadOn(Topics.CLAIM_REVIEWED, articleId)).isInstanceOf(ClaimReviewed.class);
        Object approved = payloadOn(Topics.APPROVED, articleId);
        assertThat(approved).isInstanceOfSatisfying(ArticleApproved.class, event -> {
            assertThat(event.getArticleId()).isEqualTo(articleId);
            assertThat(event.getBodyMarkdown()).isEqualTo(draft.getBodyMarkdown());
            assertThat(event.getTitle()).isEqualTo(draft.getTitle());
            assertThat(event.getSummary()).isEqualTo(draft.getSummary());
            assertThat(event.getClaims()).isEqualTo(draft.getClaims());
            assertThat(event.getApproval().getContentHash()).isEqualTo(draft.getContentHash());
            assertThat(event.getApproval().getRevision()).isEqualTo(1);
            assertThat(event.getApproval().getSignedOffBy().getUsername()).isEqualTo("paul");
            assertThat(event.getApproval().getClaimReviewers())
                    .extracting(reviewer -> reviewer.getUsername()).containsExactly("rita", "paul");
        });

        // Replaying our own approval from Kafka changes nothing.
        input.send(org.springframework.messaging.support.MessageBuilder.withPayload(approved).build(), Topics.APPROVED);
        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.claims[0].decision.reviewer.username").value("rita"));
    }

    @Test
    void requestingChangesPublishesReviewReturnedWithTheRejectedClaims() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        decideClaim("rita", articleId, "c-dose", "{\"decision\":\"REJECTED\",\"comment\":\"Which trials?\"}")
                .andExpect(status().isOk());
        signOff("rita", articleId, "{\"decision\":\"REQUEST_CHANGES\",\"comment\":\"Cite the dose.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));

        payloadOn(Topics.CLAIM_REVIEWED, articleId);
        assertThat(payloadOn(Topics.REVIEW_RETURNED, articleId)).isInstanceOfSatisfying(ReviewReturned.class,
                returned -> {
                    assertThat(returned.getRejectedClaimIds()).containsExactly("c-dose");
                    assertThat(returned.getOutcome().name()).isEqualTo("CHANGES_REQUESTED");
                    assertThat(returned.getComment()).isEqualTo("Cite the dose.");
                });
    }

    @Test
    void decisionsReadBackFromKafkaRebuildTheBoard() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);
        decideClaim("rita", articleId, "c-pain", "{\"decision\":\"REJECTED\"}").andExpect(status().isOk());
        ClaimReviewed rejected = (ClaimReviewed) payloadOn(Topics.CLAIM_REVIEWED, articleId);

        // A later decision by another instance of the service, then our own decision replayed: latest wins.
        ClaimReviewed approvedElsewhere = ClaimReviewed.newBuilder(rejected).setEventId("other-instance-1")
                .setDecision(org.vetted.events.ClaimDecision.APPROVED).build();
        input.send(org.springframework.messaging.support.MessageBuilder.withPayload(approvedElsewhere).build(),
                Topics.CLAIM_REVIEWED);
        input.send(org.springframework.messaging.support.MessageBuilder.withPayload(rejected).build(),
                Topics.CLAIM_REVIEWED);

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.claims[0].decision.decision").value("APPROVED"));
    }
}
