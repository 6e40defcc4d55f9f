package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.ContentHash;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewReturned;
import org.vetted.events.Reviewer;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

@ExtendWith(OutputCaptureExtension.class)
class ReviewBindingsTest extends ReviewServiceTest {
    /** How rendering checks what review publishes: with review's public key only. */
    private static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);

    @Autowired
    @Qualifier("trackReview")
    Consumer<Message<Object>> trackReview;

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

        decideClaim(
                        "rita",
                        articleId,
                        "c-pain",
                        "{\"decision\":\"APPROVED\",\"reference\":\"doi:10.1000/knee\",\"revision\":1}")
                .andExpect(status().isOk());
        decideClaim("paul", articleId, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":1}")
                .andExpect(status().isOk());
        // A dose claim needs two reviewers (four eyes).
        decideClaim("rita", articleId, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":1}")
                .andExpect(status().isOk());
        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"" + draft.getContentHash() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.contentHash").value(draft.getContentHash()));

        assertThat(payloadOn(Topics.CLAIM_REVIEWED, articleId))
                .isInstanceOfSatisfying(ClaimReviewed.class, reviewed -> {
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
                    .extracting(reviewer -> reviewer.getUsername())
                    .containsExactly("rita", "paul");
            Approval approval = event.getApproval();
            assertThat(RENDERING.approvalProblem(articleId, approval)).isEmpty();
            assertThat(RENDERING.problem(event)).isEmpty();
            assertThat(RENDERING.approvalProblem("another-article", approval)).isPresent();
        });

        // Replaying our own approval from Kafka changes nothing.
        input.send(MessageBuilder.withPayload(approved).build(), Topics.APPROVED);
        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.claims[0].decision.reviewer.username").value("rita"));
    }

    @Test
    void requestingChangesPublishesReviewReturnedWithTheRejectedClaims() throws Exception {
        String articleId = newArticleId();
        submit(DraftEvents.draft(articleId, 1, false));

        decideClaim(
                        "rita",
                        articleId,
                        "c-dose",
                        "{\"decision\":\"REJECTED\",\"comment\":\"Which trials?\",\"revision\":1}")
                .andExpect(status().isOk());
        signOff(
                        "rita",
                        articleId,
                        "{\"decision\":\"REQUEST_CHANGES\",\"comment\":\"Cite the dose.\",\"contentHash\":\""
                                + DraftEvents.contentHash(1) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));

        payloadOn(Topics.CLAIM_REVIEWED, articleId);
        assertThat(payloadOn(Topics.REVIEW_RETURNED, articleId))
                .isInstanceOfSatisfying(ReviewReturned.class, returned -> {
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
        decideClaim(
                        "rita",
                        articleId,
                        "c-pain",
                        "{\"decision\":\"REJECTED\",\"comment\":\"No source.\",\"revision\":1}")
                .andExpect(status().isOk());
        ClaimReviewed rejected = (ClaimReviewed) payloadOn(Topics.CLAIM_REVIEWED, articleId);

        // A later decision by another instance of the service (signed with review's key, as every instance
        // holds it), then our own decision replayed: latest wins.
        ClaimReviewed approvedElsewhere = DemoKeys.signaturesOf(Issuer.REVIEW)
                .sign(ClaimReviewed.newBuilder(rejected)
                        .setEventId("other-instance-1")
                        .setDecision(org.vetted.events.ClaimDecision.APPROVED)
                        .build());
        input.send(MessageBuilder.withPayload(approvedElsewhere).build(), Topics.CLAIM_REVIEWED);
        input.send(MessageBuilder.withPayload(rejected).build(), Topics.CLAIM_REVIEWED);

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.claims[0].decision.decision").value("APPROVED"));
    }

    @Test
    void aDraftWithOtherTextUnderTheKnownRevisionNumberIsDeadLettered() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);
        String otherBody = "Curcumin cures arthritis.\n";
        DraftSubmitted otherText = DraftSubmitted.newBuilder(draft)
                .setEventId(articleId + "-other")
                .setBodyMarkdown(otherBody)
                .build();
        otherText.setContentHash(ContentHash.of(ContentHash.reviewed(otherText)));
        DraftEvents.INTAKE.sign(otherText);

        trackReview.accept(MessageBuilder.<Object>withPayload(DraftEvents.INTAKE.sign(DraftSubmitted.newBuilder(draft)
                        .setEventId(articleId + "-resent")
                        .build()))
                .build());
        assertThatThrownBy(() -> trackReview.accept(
                        MessageBuilder.<Object>withPayload(otherText).build()))
                .as("named to the container by its place in the poll, with its cause for the dead letter")
                .isInstanceOf(BatchListenerFailedException.class)
                .hasRootCauseInstanceOf(PoisonEventException.class)
                .rootCause()
                .hasMessageContainingAll("revision 1", "other text");

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contentHash").value(draft.getContentHash()));
    }

    @Test
    void anApprovalWithoutAValidSealIsSkippedWithOneWarningAndNotDeadLettered(CapturedOutput logs) throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);
        Reviewer mallory = new Reviewer("mallory", "Mallory", "MD");
        ArticleApproved forged = ArticleApproved.newBuilder()
                .setEventId(articleId + "-forged")
                .setArticleId(articleId)
                .setSlug(draft.getSlug())
                .setTitle(draft.getTitle())
                .setSummary(draft.getSummary())
                .setAuthors(draft.getAuthors())
                .setTags(draft.getTags())
                .setBodyMarkdown(draft.getBodyMarkdown())
                .setClaims(draft.getClaims())
                .setApproval(Approval.newBuilder()
                        .setRevision(1)
                        .setContentHash(draft.getContentHash())
                        .setSignedOffBy(mallory)
                        .setClaimReviewers(List.of(mallory))
                        .setApprovedAt(Instant.parse("2026-03-02T09:00:00Z"))
                        .setSeal("eyJhbGciOiJFZERTQSIsImtpZCI6InJldmlldy1kZW1vLTEifQ.." + "A".repeat(86))
                        .build())
                .build();

        // As on two boots: the replay reads the same record again.
        trackReview.accept(MessageBuilder.<Object>withPayload(forged).build());
        trackReview.accept(MessageBuilder.<Object>withPayload(forged).build());

        assertThat(logs.getAll()
                        .lines()
                        .filter(line -> line.contains("WARN")
                                && line.contains("skipped ArticleApproved " + articleId + "-forged"))
                        .count())
                .isEqualTo(1);
        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void aClaimDecisionWrittenStraightToTheTopicDoesNotCount() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        submit(draft);
        ClaimReviewed forged = ClaimReviewed.newBuilder()
                .setEventId(articleId + "-forged-decision")
                .setArticleId(articleId)
                .setRevision(1)
                .setContentHash(draft.getContentHash())
                .setClaimId(draft.getClaims().get(0).getId())
                .setDecision(ClaimDecision.APPROVED)
                .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                .setReviewedAt(Instant.now())
                .build();

        trackReview.accept(MessageBuilder.<Object>withPayload(forged).build());

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(jsonPath("$.claims[0].decision").doesNotExist());
    }

    @Test
    void aDraftNotSignedByIntakeNeverReachesTheBoard() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted unsigned = DraftEvents.draft(articleId, 1, false);
        unsigned.setAuthors(List.of());
        unsigned.setContentHash(ContentHash.of(ContentHash.reviewed(unsigned)));

        trackReview.accept(MessageBuilder.<Object>withPayload(unsigned).build());

        mvc.perform(get("/api/reviews/{id}", articleId).with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isNotFound());
    }
}
