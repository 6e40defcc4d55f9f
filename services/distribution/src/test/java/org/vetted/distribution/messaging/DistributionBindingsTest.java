package org.vetted.distribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.distribution.app.PageStore;
import org.vetted.events.Approval;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.ArticleWithdrawn;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;
import org.vetted.events.WithdrawalKind;
import org.vetted.support.projection.TestDatabase;

@SpringBootTest(
        properties = {
            "spring.cloud.stream.bindings.publishArticle-in-0.consumer.max-attempts=1",
            "spring.cloud.stream.bindings.withdrawArticle-in-0.consumer.max-attempts=1",
            "vetted.public-base-url=https://vetted.example",
            "vetted.signing.demo-keys=true"
        })
@Import({TestChannelBinderConfiguration.class, DistributionBindingsTest.FixedClock.class})
// The demo keys are honoured only under the local or test profile.
@ActiveProfiles("test")
class DistributionBindingsTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Review's and rendering's demo keys, as those services sign; and what a downstream reader verifies with. */
    static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);

    static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);
    static final Signatures READER = new Signatures(null, DemoKeys.trusted());
    static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final Instant APPROVED_AT = Instant.parse("2026-11-25T15:30:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    InputDestination input;

    @Autowired
    OutputDestination output;

    @Autowired
    PageStore pages;

    @Autowired
    org.vetted.distribution.app.RetiredClaims retiredClaims;

    @Autowired
    @Qualifier("errorChannel")
    SubscribableChannel errorChannel;

    /** Why the function refused a record: what the binder hands to dead-lettering. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    final MessageHandler collectFailures = message -> failures.add(((ErrorMessage) message).getPayload());

    @BeforeEach
    void emptyTheTopicsAndListenForFailures() {
        output.clear();
        errorChannel.subscribe(collectFailures);
    }

    @AfterEach
    void stopListening() {
        errorChannel.unsubscribe(collectFailures);
    }

    @Test
    void renderedArticleIsPublishedKeyedByArticleId() {
        ArticleRendered rendered = rendered("art-9", "Walking may ease back pain.\n\nSecond paragraph.");

        send(rendered);

        Message<byte[]> message = output.receive(0, Topics.PUBLISHED);
        assertThat(message).isNotNull();
        assertThat(failures).isEmpty();
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("art-9");
        // The record as Kafka carries it: the encoded bytes, and distribution's signature over exactly them.
        String header = new String(
                (byte[]) message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER), StandardCharsets.US_ASCII);
        assertThat(READER.valueProblem(Issuer.DISTRIBUTION, header, message.getPayload()))
                .isEmpty();
        assertThat(header).contains("..");
        assertThat((Object) EventCatalog.standard().decode(message.getPayload()))
                .isInstanceOfSatisfying(ArticlePublished.class, published -> {
                    assertThat(published.getArticleId()).isEqualTo("art-9");
                    assertThat(published.getRevision()).isEqualTo(3);
                    assertThat(published.getSlug()).isEqualTo("walking-art-9");
                    assertThat(published.getSummary())
                            .as("the approved summary, as it is")
                            .isEqualTo(rendered.getSummary());
                    assertThat(published.getUrl()).isEqualTo("https://vetted.example/articles/walking-art-9");
                    assertThat(published.getHtml()).isEqualTo(rendered.getHtml());
                    assertThat(published.getAuthors()).isEqualTo(rendered.getAuthors());
                    assertThat(published.getTags()).containsExactly("exercise");
                    assertThat(published.getMedicallyReviewedBy())
                            .isEqualTo(rendered.getApproval().getSignedOffBy());
                    // Rita signed off, Paul approved claims too: both are credited, the signer first.
                    assertThat(published.getMedicalReviewers())
                            .containsExactly(
                                    rendered.getApproval().getSignedOffBy(),
                                    new Reviewer("paul", "Paul Park", "PharmD"));
                    assertThat(published.getMedicallyReviewedAt()).isEqualTo(APPROVED_AT);
                    assertThat(published.getContentHash())
                            .isEqualTo(rendered.getApproval().getContentHash());
                    assertThat(published.getPublishedAt()).isEqualTo(NOW);
                    assertThat(published.getEventId()).isNotBlank().isNotEqualTo(rendered.getEventId());
                    assertThat(published.getSeal()).startsWith("ey").contains("..");
                    assertThat(READER.problem(published)).isEmpty();
                    // How each claim was reviewed goes public exactly as review signed it, under distribution's seal.
                    assertThat(published.getClaimProvenance())
                            .isEqualTo(rendered.getApproval().getClaimProvenance())
                            .isNotEmpty();
                });
    }

    @Test
    void aCorrectedRenderingIsPublishedAsArticleCorrectedAndItsNoteReachesThePage() {
        ArticleRendered rendered = corrected(rendered("art-31", "Walking may ease back pain."), "Fixed the dose.");

        send(rendered);

        Message<byte[]> message = output.receive(0, Topics.PUBLISHED);
        assertThat(failures).isEmpty();
        assertThat(message).isNotNull();
        assertThat(eventType(message)).isEqualTo("ArticleCorrected");
        String header = new String(
                (byte[]) message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER), StandardCharsets.US_ASCII);
        assertThat(READER.valueProblem(Issuer.DISTRIBUTION, header, message.getPayload()))
                .isEmpty();
        assertThat((Object) EventCatalog.standard().decode(message.getPayload()))
                .isInstanceOfSatisfying(ArticleCorrected.class, corrected -> {
                    assertThat(corrected.getCorrection()).isEqualTo("Fixed the dose.");
                    assertThat(corrected.getCorrectedAt()).isEqualTo(NOW);
                    assertThat(corrected.getPublishedAt()).isEqualTo(NOW);
                    assertThat(corrected.getContentHash())
                            .isEqualTo(rendered.getApproval().getContentHash());
                    assertThat(READER.problem(corrected)).isEmpty();
                    assertThat(READER.isSigned(ArticleCorrected.newBuilder(corrected)
                                    .setCorrection("Nothing changed.")
                                    .build()))
                            .isFalse();
                });

        input.send(message, Topics.PUBLISHED);

        assertThat(pages.findBySlug("walking-art-31")).hasValueSatisfying(page -> {
            assertThat(page.article().correction()).isEqualTo("Fixed the dose.");
            assertThat(page.corrections()).singleElement().satisfies(correction -> {
                assertThat(correction.note()).isEqualTo("Fixed the dose.");
                assertThat(correction.correctedAt()).isEqualTo(NOW);
            });
        });
    }

    @Test
    void aCorrectionNoteChangedAfterReviewSealedItIsDeadLettered() {
        ArticleRendered rendered = corrected(rendered("art-32", "Walking may ease back pain."), "Fixed the dose.");
        rendered.setCorrection("Nothing changed.");
        rendered.setRenderSeal(null);
        RENDERING.sign(rendered);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertThat(failures).isNotEmpty();
    }

    /** The rendering as a correction: the note hashed into the approval, both signed again. */
    private static ArticleRendered corrected(ArticleRendered rendered, String note) {
        rendered.setCorrection(note);
        rendered.getApproval().setSeal(null);
        rendered.getApproval().setContentHash(ContentHash.of(ContentHash.reviewed(rendered)));
        rendered.setSourceHash(rendered.getApproval().getContentHash());
        REVIEW.signApproval(rendered.getArticleId(), rendered.getApproval());
        rendered.setRenderSeal(null);
        RENDERING.sign(rendered);
        return rendered;
    }

    @Test
    void aRetiredLibraryEntrySignedByReviewIsKeptAndAForgedOneIsDeadLettered() {
        org.vetted.events.ClaimLibraryEntry entry = org.vetted.events.ClaimLibraryEntry.newBuilder()
                .setEventId("lib-entry-1")
                .setKey("lib-00000000000000cc")
                .setClaimText("walking may ease back pain")
                .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                .setApprovedAt(APPROVED_AT)
                .setExpiresAt(APPROVED_AT.plusSeconds(86_400))
                .setArticleId("art-1")
                .setRevision(1)
                .setClaimId("c-1")
                .setRetired(new org.vetted.events.LibraryRetirement(
                        new Reviewer("rita", "Rita Reyes", "MD"), NOW, "Evidence withdrawn."))
                .build();
        org.vetted.events.ClaimLibraryEntry forged = org.vetted.events.ClaimLibraryEntry.newBuilder(entry)
                .setKey("lib-00000000000000dd")
                .build();
        // Signed as review by a key review does not hold (distribution's own).
        new Signatures(
                        SigningKey.parse(
                                Issuer.REVIEW,
                                DemoKeys.signingKey(Issuer.DISTRIBUTION).privateJwk()),
                        DemoKeys.trusted())
                .sign(forged);

        input.send(MessageBuilder.withPayload(REVIEW.sign(entry)).build(), Topics.CLAIMS_LIBRARY);
        input.send(MessageBuilder.withPayload(forged).build(), Topics.CLAIMS_LIBRARY);

        assertThat(retiredClaims.retiredAmong(List.of("lib-00000000000000cc", "lib-00000000000000dd")))
                .containsExactly("lib-00000000000000cc");
        assertThat(failures).isNotEmpty();
    }

    @Test
    void whatDistributionPublishesBecomesAPageWhenReadBackFromThePublicTopic() {
        send(rendered("art-30", "Walking may ease back pain."));
        Message<byte[]> published = output.receive(0, Topics.PUBLISHED);

        input.send(published, Topics.PUBLISHED);

        assertThat(pages.findBySlug("walking-art-30")).hasValueSatisfying(page -> {
            assertThat(page.article().articleId()).isEqualTo("art-30");
            // Read back from the database through the seal check, with the provenance it was signed with.
            assertThat(page.article().claimProvenance()).hasSize(1);
            assertThat(page.article()
                            .claimProvenance()
                            .get(0)
                            .approvals()
                            .get(0)
                            .revision())
                    .isEqualTo(2);
            assertThat(page.article()
                            .claimProvenance()
                            .get(0)
                            .approvals()
                            .get(0)
                            .referenceUrl())
                    .isEqualTo("https://doi.org/10.1000/walk");
        });
    }

    @Test
    void aRetractionIsPublishedSealedAndTypedAndNoLaterRenderingOfTheArticleIs() {
        send(rendered("art-40", "Walking may ease back pain."));
        Message<byte[]> published = output.receive(0, Topics.PUBLISHED);
        assertThat(eventType(published)).isEqualTo("ArticlePublished");
        input.send(published, Topics.PUBLISHED);
        // The test binder hands what is sent to a destination to its output too.
        output.clear();

        withdraw(withdrawn("art-40", WithdrawalKind.RETRACTED, "w-40"));

        Message<byte[]> retraction = output.receive(0, Topics.PUBLISHED);
        assertThat(failures).isEmpty();
        assertThat(retraction.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("art-40");
        assertThat(eventType(retraction)).isEqualTo("ArticleRetracted");
        assertThat(READER.valueProblem(Issuer.DISTRIBUTION, signatureHeader(retraction), retraction.getPayload()))
                .as("signed over the bytes as written, like every record of the public topic")
                .isEmpty();
        assertThat(decoded(retraction)).isInstanceOfSatisfying(ArticleRetracted.class, retracted -> {
            assertThat(READER.problem(retracted)).isEmpty();
            assertThat(retracted.getSlug()).isEqualTo("walking-art-40");
            assertThat(retracted.getUrl()).isEqualTo("https://vetted.example/articles/walking-art-40");
            assertThat(retracted.getTitle()).isEqualTo("Can Walking Ease Back Pain?");
            assertThat(retracted.getReason()).isEqualTo("The dose table was wrong.");
            assertThat(retracted.getDecidedBy().getUsername()).isEqualTo("rita");
            assertThat(retracted.getRevision()).isEqualTo(3);
        });
        input.send(retraction, Topics.PUBLISHED);
        output.clear();
        assertThat(pages.findBySlug("walking-art-40"))
                .hasValueSatisfying(page -> assertThat(page.retracted()).isTrue());
        assertThat(pages.newestFirst(100))
                .noneMatch(page -> page.article().articleId().equals("art-40"));

        // A rendering approved before the retraction and read after it (one in flight), or any later one.
        send(rendered("art-40", "Walking may ease back pain."));
        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("withdrawn is final for an article id");
    }

    @Test
    void aTakedownFollowsARetractionARepeatIsTheSameEventAndNothingGoesBack() {
        withdraw(withdrawn("art-41", WithdrawalKind.RETRACTED, "w-41a"));
        Object retracted = decoded(output.receive(0, Topics.PUBLISHED));
        ArticleWithdrawn takedown = withdrawn("art-41", WithdrawalKind.UNPUBLISHED, "w-41b");
        withdraw(takedown);
        Message<byte[]> unpublished = output.receive(0, Topics.PUBLISHED);
        assertThat(eventType(unpublished)).isEqualTo("ArticleUnpublished");
        assertThat(decoded(unpublished)).isInstanceOfSatisfying(ArticleUnpublished.class, event -> {
            assertThat(READER.problem(event)).isEmpty();
            assertThat(event.getSlug()).isEqualTo("walking-art-41");
            assertThat(event.getReason()).isEqualTo("The dose table was wrong.");
        });
        String eventId = ((ArticleUnpublished) decoded(unpublished)).getEventId();
        assertThat(eventId).isNotEqualTo(((ArticleRetracted) retracted).getEventId());

        // Read again (a redelivery): the same public event, which every consumer applies once.
        withdraw(takedown);
        assertThat(((ArticleUnpublished) decoded(output.receive(0, Topics.PUBLISHED))).getEventId())
                .isEqualTo(eventId);
        // A retraction after the takedown goes no further: nothing is published.
        withdraw(withdrawn("art-41", WithdrawalKind.RETRACTED, "w-41c"));
        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void aWithdrawalNotSignedByReviewIsDeadLetteredAndChangesNothing() {
        ArticleWithdrawn forged = withdrawn("art-42", WithdrawalKind.UNPUBLISHED, "w-42");
        forged.setReason("Another reason");

        withdraw(forged);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("is not signed by the review service");
        send(rendered("art-42", "Walking may ease back pain."));
        assertThat(output.receive(0, Topics.PUBLISHED)).isNotNull();
    }

    private static Object decoded(Message<byte[]> message) {
        return EventCatalog.standard().decode(message.getPayload());
    }

    private static String signatureHeader(Message<byte[]> message) {
        return new String(
                (byte[]) message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER), StandardCharsets.US_ASCII);
    }

    private static String eventType(Message<?> message) {
        return new String((byte[]) message.getHeaders().get(Topics.EVENT_TYPE_HEADER), StandardCharsets.UTF_8);
    }

    private void withdraw(ArticleWithdrawn withdrawn) {
        input.send(
                MessageBuilder.withPayload(withdrawn)
                        .setHeader(KafkaHeaders.KEY, withdrawn.getArticleId())
                        .build(),
                Topics.WITHDRAWN);
    }

    /** Review's decision on revision 3 of the article, signed by review. */
    private static ArticleWithdrawn withdrawn(String articleId, WithdrawalKind kind, String eventId) {
        return REVIEW.sign(ArticleWithdrawn.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setKind(kind)
                .setReason("The dose table was wrong.")
                .setDecidedBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setDecidedAt(NOW.minusSeconds(30))
                .setRevision(3)
                .setContentHash("sha256v2:00")
                .setSlug("walking-" + articleId)
                .setTitle("Can Walking Ease Back Pain?")
                .build());
    }

    @Test
    void bodyChangedAfterRenderingIsDeadLettered() {
        ArticleRendered rendered = rendered("art-25", "Walking may ease back pain.");
        rendered.setBodyMarkdown("Walking cures back pain.");

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("not signed by the rendering service");
    }

    @Test
    void sealedRenderingOfASourceOtherThanTheApprovedOneIsDeadLetteredForItsHash() {
        ArticleRendered rendered = rendered("art-10", "Walking may ease back pain.");
        rendered.setBodyMarkdown("Walking cures back pain.");
        // A faulty rendering service could seal a source other than the approved one; the hash check still holds.
        RENDERING.sign(rendered);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("do not hash to the approved hash");
    }

    @Test
    void approvalWithAForgedSealIsDeadLettered() {
        ArticleRendered rendered = rendered("art-12", "Walking may ease back pain.");
        Approval approval = rendered.getApproval();
        // Rendering's own key cannot mint an approval, even when rendering signs the result.
        new Signatures(
                        SigningKey.parse(
                                Issuer.REVIEW,
                                DemoKeys.signingKey(Issuer.RENDERING).privateJwk()),
                        DemoKeys.trusted())
                .signApproval("art-12", approval);
        RENDERING.sign(rendered);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("approval is not signed by the review service");
    }

    @Test
    void approvalWithoutASealIsDeadLettered() {
        ArticleRendered rendered = rendered("art-13", "Walking may ease back pain.");
        rendered.getApproval().setSeal(null);
        RENDERING.sign(rendered);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("approval is not signed by the review service");
    }

    @Test
    void htmlAlteredAfterRenderingIsDeadLettered() {
        ArticleRendered rendered = rendered("art-14", "Walking may ease back pain.");
        rendered.setHtml(rendered.getHtml().replace("may ease", "cures"));

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("not signed by the rendering service");
    }

    @Test
    void renderingWithoutARenderSealIsDeadLettered() {
        ArticleRendered rendered = rendered("art-15", "Walking may ease back pain.");
        rendered.setRenderSeal(null);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("not signed by the rendering service");
    }

    @Test
    void renderSealOfAnotherArticleDoesNotCoverThisOne() {
        ArticleRendered other = rendered("art-16", "Walking may ease back pain.");
        ArticleRendered rendered = rendered("art-17", "Walking may ease back pain.");
        rendered.setRenderSeal(other.getRenderSeal());

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("not signed by the rendering service");
    }

    @Test
    void bylineChangedAfterReviewSealedItIsDeadLettered() {
        ArticleRendered rendered = rendered("art-18", "Walking may ease back pain.");
        rendered.getApproval().setSignedOffBy(new Reviewer("rita", "Dr. Rita Reyes", "MD, PhD"));
        RENDERING.sign(rendered);

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("approval is not signed by the review service");
    }

    @Test
    void slugChangedAfterReviewSealedItIsDeadLettered() {
        ArticleRendered rendered = rendered("art-19", "Walking may ease back pain.");
        rendered.setSlug("someone-elses-page");
        assertThat(READER.problem(rendered)).get().asString().contains("not signed by the rendering service");
        RENDERING.sign(rendered); // even rendering itself cannot move the article: the slug is in the approved hash

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("do not hash to the approved hash");
    }

    @Test
    void titleChangedAfterRenderingIsDeadLettered() {
        ArticleRendered rendered = rendered("art-22", "Walking may ease back pain.");
        rendered.setTitle("Walking Cures Back Pain");

        send(rendered);

        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertRefusedBecause("not signed by the rendering service");
    }

    @Test
    void sealedPublicationOnThePublicTopicBecomesAPage() {
        ArticlePublished published = sealed(published("art-11", "sleep-art-11", "Does Magnesium Help Sleep?"));

        sendPublished(published, null);

        assertThat(pages.findBySlug("sleep-art-11")).hasValueSatisfying(page -> {
            assertThat(page.article().title()).isEqualTo("Does Magnesium Help Sleep?");
            assertThat(page.article().medicallyReviewedBy().displayName()).isEqualTo("Paul Park");
        });
    }

    @Test
    void unsealedRecordOnThePublicTopicNeverBecomesAPage() {
        ArticlePublished forged = published("art-23", "forged-art-23", "Magnesium Cures Anxiety");
        forged.setContentHash("sha256:made-up");

        sendPublished(forged, null);

        assertThat(pages.findBySlug("forged-art-23")).isEmpty();
        assertThat(failures)
                .as("skipped, not dead-lettered: the topic is replayed at every start")
                .isEmpty();
    }

    @Test
    void sealedPublicationAlteredOnThePublicTopicNeverBecomesAPage() {
        ArticlePublished altered = sealed(published("art-24", "altered-art-24", "Does Magnesium Help Sleep?"));
        altered.setSummary("Magnesium cures insomnia.");

        sendPublished(altered, null);

        assertThat(pages.findBySlug("altered-art-24")).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void publishedArticleWithASlugOfAnotherArticleIsNotServed() {
        sendPublished(sealed(published("art-20", "first-owner", "The first owner")), null);
        sendPublished(sealed(published("art-21", "first-owner", "An impostor")), null);

        assertThat(pages.findBySlug("first-owner"))
                .hasValueSatisfying(
                        page -> assertThat(page.article().articleId()).isEqualTo("art-20"));
    }

    @Test
    void aSealedRecordWhoseSignatureHeaderIsDistributionsBecomesAPage() {
        byte[] value = EventCatalog.standard().encode(sealed(published("art-26", "header-art-26", "Sleep")));

        sendPublished(value, DISTRIBUTION.signValue(value));

        assertThat(pages.findBySlug("header-art-26")).isPresent();
    }

    @Test
    void aSealedRecordWithASignatureHeaderOfOtherBytesNeverBecomesAPage() {
        byte[] value = EventCatalog.standard().encode(sealed(published("art-27", "header-art-27", "Sleep")));
        byte[] other = EventCatalog.standard().encode(sealed(published("art-28", "header-art-28", "Sleep")));

        sendPublished(value, DISTRIBUTION.signValue(other));

        assertThat(pages.findBySlug("header-art-27")).isEmpty();
        assertThat(failures).as("skipped, not dead-lettered").isEmpty();
    }

    @Test
    void aSealedRecordWithASignatureHeaderOfAnotherServicesKeyNeverBecomesAPage() {
        byte[] value = EventCatalog.standard().encode(sealed(published("art-29", "header-art-29", "Sleep")));

        sendPublished(value, RENDERING.signValue(value));

        assertThat(pages.findBySlug("header-art-29")).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aValueThatDoesNotDecodeIsDeadLettered() {
        sendPublished("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), null);

        // Both readers of the public topic (the pages and the webhooks) refuse it, each to its own dead letters.
        assertThat(failures)
                .hasSize(2)
                .allSatisfy(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(PoisonEventException.class)
                        .hasMessageContaining("C3 01"));
    }

    private void sendPublished(ArticlePublished event, String signatureHeader) {
        sendPublished(EventCatalog.standard().encode(event), signatureHeader);
    }

    /** A record of the public topic as the binding reads it: the raw value, and the header when there is one. */
    private void sendPublished(byte[] value, String signatureHeader) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(value).setHeader(KafkaHeaders.KEY, "key");
        if (signatureHeader != null) {
            message.setHeader(Signatures.VALUE_SIGNATURE_HEADER, signatureHeader.getBytes(StandardCharsets.US_ASCII));
        }
        input.send(message.build(), Topics.PUBLISHED);
    }

    /** As distribution signs what it publishes. */
    private static ArticlePublished sealed(ArticlePublished published) {
        DISTRIBUTION.sign(published);
        return published;
    }

    /** An unsealed publication. */
    private static ArticlePublished published(String articleId, String slug, String title) {
        return ArticlePublished.newBuilder()
                .setEventId("published-" + articleId)
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(slug)
                .setTitle(title)
                .setSummary("A summary.")
                .setHtml("<p>Text.</p>")
                .setUrl("https://vetted.example/articles/" + slug)
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of("sleep"))
                .setMedicallyReviewedBy(new Reviewer("paul", "Paul Park", "PharmD"))
                .setMedicallyReviewedAt(APPROVED_AT)
                .setContentHash("sha256:" + articleId)
                .setPublishedAt(NOW)
                .build();
    }

    private void send(ArticleRendered rendered) {
        input.send(
                MessageBuilder.withPayload(rendered)
                        .setHeader(KafkaHeaders.KEY, rendered.getArticleId())
                        .build(),
                Topics.RENDERED);
    }

    private void assertRefusedBecause(String reason) {
        assertThat(failures)
                .singleElement()
                .satisfies(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(PoisonEventException.class)
                        .hasMessageContaining(reason));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * A rendering as rendering emits it: the approval sealed by review (built unsealed, sealed, then set), the
     * rendering sealed by rendering the same way.
     */
    private static ArticleRendered rendered(String articleId, String body) {
        String title = "Can Walking Ease Back Pain?";
        String html = "<p>Walking may ease back pain.</p><p class=\"medical-review\">Medically reviewed by "
                + "Rita Reyes, MD on November 25, 2026</p>";
        String slug = "walking-" + articleId;
        List<Author> authors = List.of(new Author("wanda", "Wanda Writer"));
        List<String> tags = List.of("exercise");
        // The summary intake decided before review (the body's first paragraph, when the writer gave none).
        String summary = "Walking may ease back pain.";
        String hash = ContentHash.of(new ContentHash.Reviewed(
                slug, title, summary, body, tags, List.of(new ContentHash.Credit("wanda", "Wanda Writer"))));
        Approval approval = Approval.newBuilder()
                .setRevision(3)
                .setContentHash(hash)
                .setSignedOffBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setClaimReviewers(List.of(new Reviewer("paul", "Paul Park", "PharmD")))
                .setApprovedAt(APPROVED_AT)
                .setClaimProvenance(List.of(org.vetted.events.ClaimProvenance.newBuilder()
                        .setClaimId("c-1")
                        .setSentence("Walking may ease back pain.")
                        .setApprovals(List.of(org.vetted.events.ClaimApproval.newBuilder()
                                .setReviewer(new Reviewer("paul", "Paul Park", "PharmD"))
                                .setDecidedAt(APPROVED_AT.minusSeconds(86_400))
                                .setRevision(2)
                                .setReference("doi:10.1000/walk")
                                .setReferenceUrl("https://doi.org/10.1000/walk")
                                .build()))
                        .build()))
                .setSeal(null)
                .build();
        REVIEW.signApproval(articleId, approval);
        ArticleRendered rendered = ArticleRendered.newBuilder()
                .setEventId("rendered-" + articleId)
                .setArticleId(articleId)
                .setRevision(3)
                .setSlug(slug)
                .setTitle(title)
                .setSummary(summary)
                .setAuthors(authors)
                .setTags(tags)
                .setBodyMarkdown(body)
                .setSourceHash(hash)
                .setHtml(html)
                .setApproval(approval)
                .setRenderedAt(NOW.minusSeconds(60))
                .setRenderSeal(null)
                .build();
        RENDERING.sign(rendered);
        return rendered;
    }
}
