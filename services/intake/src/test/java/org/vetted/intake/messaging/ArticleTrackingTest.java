package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.Author;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewOutcome;
import org.vetted.events.ReviewReturned;
import org.vetted.events.Reviewer;
import org.vetted.intake.IntakeAppTest;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.domain.articles.ArticleStatus;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.claims.Expert;

/** The trackArticle consumer, fed through the test binder's input destinations. */
@ExtendWith(OutputCaptureExtension.class)
class ArticleTrackingTest extends IntakeAppTest {
    private static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");
    private static final Reviewer PAUL = new Reviewer("paul", "Paul Park", "PharmD");
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    InputDestination input;

    @Autowired
    ArticleRegistry registry;

    @Autowired
    SubmissionLedger ledger;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("trackArticle")
    java.util.function.Consumer<org.springframework.messaging.Message<Object>> trackArticle;

    @Test
    void statusFollowsTheLatestRevisionWhileOlderRevisionsOnlyAddHistory() {
        String id = "tracked-1";
        send(Topics.DRAFT_SUBMITTED, draft("e1", id, 1, T0));
        send(Topics.CLAIM_REVIEWED, claimReviewed("e2", id, 1, T0.plusSeconds(60)));
        assertThat(view(id).status()).isEqualTo(ArticleStatus.IN_REVIEW);

        send(Topics.REVIEW_RETURNED, returned("e3", id, 1, T0.plusSeconds(120)));
        assertThat(view(id).status()).isEqualTo(ArticleStatus.CHANGES_REQUESTED);

        send(Topics.DRAFT_SUBMITTED, draft("e4", id, 2, T0.plusSeconds(300)));
        send(Topics.APPROVED, approved("e5", id, 1, T0.plusSeconds(400)));

        ArticleView view = view(id);
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.status()).isEqualTo(ArticleStatus.SUBMITTED);
        assertThat(view.history())
                .extracting(ArticleView.HistoryEntry::event)
                .containsExactly(
                        "DraftSubmitted", "ClaimReviewed", "ReviewReturned", "DraftSubmitted", "ArticleApproved");
        assertThat(view.history().get(2).detail())
                .contains("changes requested")
                .contains("c-1")
                .contains("cite a source");
    }

    @Test
    void aDraftReadOffTheTopicKeepsItsWarningsAndExpertsForThePages() {
        String id = "tracked-notes";
        DraftSubmitted draft = draft("n1", id, 1, T0);
        draft.setWarnings(List.of("quoted expert \"Brandt\" has no stated credential"));
        draft.setExperts(List.of(new org.vetted.events.Expert("Brandt", null)));
        send(Topics.DRAFT_SUBMITTED, draft);

        SubmissionLedger.RevisionNotes notes = ledger.notes(id, 1);
        assertThat(notes.warnings()).containsExactly("quoted expert \"Brandt\" has no stated credential");
        assertThat(notes.experts()).containsExactly(new Expert("Brandt", null));
    }

    @Test
    void anEventWithoutItsOwnersSignatureNeverReachesTheRegistry(CapturedOutput logs) {
        String id = "tracked-forged";
        DraftSubmitted forged = draft("e51", id, 1, T0);
        sendAsIs(Topics.DRAFT_SUBMITTED, forged);
        sendAsIs(Topics.DRAFT_SUBMITTED, forged);
        // A decision signed with intake's key is no decision: claim decisions are review's.
        Signatures intakeAsReview = new Signatures(
                SigningKey.parse(
                        Issuer.REVIEW, DemoKeys.signingKey(Issuer.INTAKE).privateJwk()),
                DemoKeys.trusted());
        sendAsIs(Topics.CLAIM_REVIEWED, intakeAsReview.sign(claimReviewed("e52", id, 1, T0)));
        send(Topics.DRAFT_SUBMITTED, draft("e53", "tracked-signed", 1, T0));

        assertThat(registry.view(id)).isEmpty();
        assertThat(registry.find(id)).isEmpty();
        assertThat(registry.view("tracked-signed")).isPresent();
        assertThat(logs.getAll()
                        .lines()
                        .filter(line -> line.contains("WARN") && line.contains("skipped DraftSubmitted e51"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsNamedAloneAndARedeliveredBatchChangesNothing() {
        // One poll of a batch-mode binding: the records as a list, their Kafka metadata as lists. Partition 7 is this
        // test's own (other tests send without Kafka headers, so they keep no positions).
        List<Object> payloads = new java.util.ArrayList<>();
        payloads.add(sign(draft("b1", "batched-1", 1, T0)));
        payloads.add(null); // did not decode
        payloads.add(sign(draft("b3", "batched-3", 1, T0)));

        assertThatThrownBy(() -> sendBatch(payloads, 0))
                .satisfies(thrown -> assertThat(failedIndex(thrown)).isEqualTo(1))
                .hasRootCauseInstanceOf(org.vetted.contract.PoisonEventException.class);
        assertThat(registry.view("batched-1")).isPresent();
        assertThat(registry.view("batched-3")).isEmpty();

        // What the container redelivers once the poison record is dead-lettered: the records after it.
        sendBatch(payloads.subList(2, 3), 2);
        assertThat(registry.view("batched-3")).isPresent();

        // The whole poll again (another instance after a rebalance): every record is behind the stored position.
        sendBatch(payloads, 0);
        assertThat(view("batched-1").history()).hasSize(1);
        assertThat(view("batched-3").history()).hasSize(1);
    }

    private void sendBatch(List<Object> payloads, long firstOffset) {
        int size = payloads.size();
        // Called directly: the test binder would retry and log the failure where the Kafka container hands it on.
        trackArticle.accept(MessageBuilder.<Object>withPayload(payloads)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, java.util.Collections.nCopies(size, Topics.DRAFT_SUBMITTED))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, java.util.Collections.nCopies(size, 7))
                .setHeader(
                        KafkaHeaders.OFFSET,
                        java.util.stream.LongStream.range(firstOffset, firstOffset + size)
                                .boxed()
                                .toList())
                .build());
    }

    private static int failedIndex(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException failed) {
                return failed.getIndex();
            }
        }
        return -1;
    }

    @Test
    void theSameEventArrivingTwiceIsAppliedOnce() {
        String id = "tracked-2";
        DraftSubmitted draft = draft("e21", id, 1, T0);
        send(Topics.DRAFT_SUBMITTED, draft);
        send(Topics.DRAFT_SUBMITTED, draft);

        assertThat(view(id).history()).hasSize(1);
    }

    @Test
    void aReviewThatArrivesBeforeItsDraftStillCounts() {
        String id = "tracked-3";
        send(Topics.CLAIM_REVIEWED, claimReviewed("e31", id, 1, T0.plusSeconds(60)));
        send(Topics.DRAFT_SUBMITTED, draft("e32", id, 1, T0));

        ArticleView view = view(id);
        assertThat(view.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(view.title()).isEqualTo("Title of " + id);
        assertThat(view.history())
                .extracting(ArticleView.HistoryEntry::event)
                .containsExactly("DraftSubmitted", "ClaimReviewed");
    }

    @Test
    void theWritersPageGetsEachClaimsDecisionWithItsReferenceAndWhyTheRevisionCameBack() {
        String id = "tracked-5";
        DraftSubmitted v1 = draft("e61", id, 1, T0);
        v1.setClaims(List.of(org.vetted.events.Claim.newBuilder()
                .setId("c-1")
                .setText("Zinc may shorten colds.")
                .setKind(org.vetted.events.ClaimKind.OTHER)
                .setHedged(true)
                .setSection(null)
                .build()));
        ClaimReviewed decided = claimReviewed("e62", id, 1, T0.plusSeconds(60));
        decided.setDecision(ClaimDecision.REJECTED);
        decided.setComment("Which trial?");
        decided.setReference("PMID 12345678");
        // Topics keep no order between them: the decision may arrive before its draft.
        send(Topics.CLAIM_REVIEWED, decided);
        send(Topics.DRAFT_SUBMITTED, v1);
        send(Topics.REVIEW_RETURNED, returned("e63", id, 1, T0.plusSeconds(120)));

        ArticleView.RevisionView revision = view(id).latest().orElseThrow();
        assertThat(revision.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.claim().kind()).isEqualTo(org.vetted.intake.domain.claims.ClaimKind.OTHER);
            assertThat(claim.decision().approved()).isFalse();
            assertThat(claim.decision().comment()).isEqualTo("Which trial?");
            assertThat(claim.decision().reference()).isEqualTo("PMID 12345678");
            assertThat(claim.decision().reviewerName()).isEqualTo(RITA.getDisplayName());
        });
        assertThat(revision.returned().rejected()).isFalse();
        assertThat(revision.returned().comment()).isEqualTo("cite a source");
        assertThat(revision.returned().rejectedClaimIds()).containsExactly("c-1");
        assertThat(view(id).bodyMarkdown()).isEqualTo("Body.\n");

        // Revision 2 keeps the sentence: its page shows what was decided on it before.
        DraftSubmitted v2 = draft("e64", id, 2, T0.plusSeconds(300));
        v2.setClaims(v1.getClaims());
        send(Topics.DRAFT_SUBMITTED, v2);
        ArticleView.ClaimView again = view(id).latest().orElseThrow().claims().get(0);
        assertThat(again.decision()).isNull();
        assertThat(again.earlier().revision()).isEqualTo(1);
        assertThat(again.earlier().decision().comment()).isEqualTo("Which trial?");
    }

    @Test
    void theActorOfAReplayedRevisionIsWhoeverPostedItOrTheFirstAuthorForOldEvents() {
        String id = "tracked-4";
        DraftSubmitted v1 = draft("e41", id, 1, T0);
        DraftSubmitted byWalter = draft("e42", id, 2, T0.plusSeconds(60));
        byWalter.setAuthors(List.of(new Author("wanda", "Wanda Writer"), new Author("walter", "Walter Webb")));
        byWalter.setSubmittedBy(new Author("walter", "Walter Webb"));
        send(Topics.DRAFT_SUBMITTED, v1);
        send(Topics.DRAFT_SUBMITTED, byWalter);

        assertThat(v1.getSubmittedBy()).isNull();
        assertThat(view(id).history())
                .extracting(ArticleView.HistoryEntry::actor)
                .containsExactly("wanda", "walter");
    }

    @Test
    void aFourEyesApprovalCreditsEveryReviewerTheSignerFirst() {
        String id = "tracked-four-eyes";
        send(Topics.DRAFT_SUBMITTED, draft("e71", id, 1, T0));
        ArticleApproved fourEyes = approved("e72", id, 1, T0.plusSeconds(60));
        fourEyes.getApproval().setSignedOffBy(PAUL);
        fourEyes.getApproval().setClaimReviewers(List.of(RITA, PAUL));
        send(Topics.APPROVED, fourEyes);

        ArticleView.HistoryEntry approval = view(id).history().get(1);
        assertThat(approval.actor()).isEqualTo("paul");
        assertThat(approval.detail()).isEqualTo("approved by Paul Park, PharmD and Rita Reyes, MD");
    }

    private ArticleView view(String id) {
        return registry.view(id).orElseThrow();
    }

    /** Sends the event signed by the service owning its topic, as it would arrive from Kafka. */
    private void send(String topic, SpecificRecordBase event) {
        sendAsIs(topic, sign(event));
    }

    private void sendAsIs(String topic, SpecificRecordBase event) {
        input.send(MessageBuilder.withPayload(event).build(), topic);
    }

    private static SpecificRecordBase sign(SpecificRecordBase event) {
        if (event instanceof ArticleApproved approved) {
            REVIEW.signApproval(approved.getArticleId(), approved.getApproval());
        }
        Issuer owner = event instanceof DraftSubmitted ? Issuer.INTAKE : Issuer.REVIEW;
        return DemoKeys.signaturesOf(owner).sign(event);
    }

    static DraftSubmitted draft(String eventId, String articleId, int revision, Instant at) {
        return DraftSubmitted.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setSlug("slug-" + articleId)
                .setTitle("Title of " + articleId)
                .setSummary(null)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of())
                .setBodyMarkdown("Body.\n")
                .setContentHash("sha256:" + revision)
                .setClaims(List.of())
                .setExperts(List.of())
                .setWarnings(List.of())
                .setSubmittedAt(at)
                .build();
    }

    static ClaimReviewed claimReviewed(String eventId, String articleId, int revision, Instant at) {
        return ClaimReviewed.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setContentHash("sha256:" + revision)
                .setClaimId("c-1")
                .setDecision(ClaimDecision.APPROVED)
                .setComment(null)
                .setReference(null)
                .setReviewer(RITA)
                .setReviewedAt(at)
                .build();
    }

    static ReviewReturned returned(String eventId, String articleId, int revision, Instant at) {
        return ReviewReturned.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setRevision(revision)
                .setContentHash("sha256:" + revision)
                .setOutcome(ReviewOutcome.CHANGES_REQUESTED)
                .setComment("cite a source")
                .setRejectedClaimIds(List.of("c-1"))
                .setReviewer(RITA)
                .setDecidedAt(at)
                .build();
    }

    static ArticleApproved approved(String eventId, String articleId, int revision, Instant at) {
        Approval approval = Approval.newBuilder()
                .setRevision(revision)
                .setContentHash("sha256:" + revision)
                .setSignedOffBy(RITA)
                .setClaimReviewers(List.of(RITA))
                .setApprovedAt(at)
                .build();
        return ArticleApproved.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setSlug("slug-" + articleId)
                .setTitle("Title of " + articleId)
                .setSummary(null)
                .setAuthors(List.of())
                .setTags(List.of())
                .setBodyMarkdown("Body.\n")
                .setClaims(List.of())
                .setExperts(List.of())
                .setApproval(approval)
                .setComment(null)
                .build();
    }
}
