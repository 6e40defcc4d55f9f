package org.vetted.rendering.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.contract.ContentHash;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

@SpringBootTest(
        properties = {
            "spring.cloud.stream.bindings.renderArticle-in-0.consumer.max-attempts=1",
            "vetted.rendering.byline-zone=America/New_York",
            "vetted.signing.demo-keys=true"
        })
@AutoConfigureMockMvc
@Import({TestChannelBinderConfiguration.class, RenderArticleBindingTest.FixedClock.class})
// The demo keys are honoured only under the local or test profile.
@ActiveProfiles("test")
class RenderArticleBindingTest {
    /** Review's demo key, as the review service signs; and distribution's view, which checks rendering's work. */
    static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);

    static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

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
    MockMvc mvc;

    @Autowired
    @Qualifier("errorChannel")
    SubscribableChannel errorChannel;

    /** Why the function refused a record: what the binder hands to dead-lettering. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    final MessageHandler collectFailures = message -> failures.add(((ErrorMessage) message).getPayload());

    @BeforeEach
    void listenForFailures() {
        output.clear();
        errorChannel.subscribe(collectFailures);
    }

    @AfterEach
    void stopListening() {
        errorChannel.unsubscribe(collectFailures);
    }

    @Test
    void healthIsOpenAndUpWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void approvedArticleIsRenderedToArticleRenderedKeyedByArticleId() {
        ArticleApproved approved = sealed(approved("Walking may ease back pain.\n\n<script>alert(1)</script>"));

        send(approved);

        Message<byte[]> message = output.receive(0, Topics.RENDERED);
        assertThat(message).isNotNull();
        assertThat(failures).isEmpty();
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("art-7");
        assertThat((Object) message.getPayload()).isInstanceOfSatisfying(ArticleRendered.class, rendered -> {
            assertThat(rendered.getArticleId()).isEqualTo("art-7");
            assertThat(rendered.getRevision()).isEqualTo(2);
            assertThat(rendered.getSlug()).isEqualTo("walking-back-pain");
            assertThat(rendered.getBodyMarkdown()).isEqualTo(approved.getBodyMarkdown());
            assertThat(rendered.getSourceHash())
                    .isEqualTo(approved.getApproval().getContentHash());
            assertThat(rendered.getApproval()).isEqualTo(approved.getApproval());
            assertThat(rendered.getAuthors()).isEqualTo(approved.getAuthors());
            assertThat(rendered.getTags()).containsExactly("back pain", "exercise");
            assertThat(rendered.getRenderedAt()).isEqualTo(NOW);
            assertThat(rendered.getEventId()).isNotBlank().isNotEqualTo(approved.getEventId());
            assertThat(rendered.getHtml())
                    .startsWith("<p>Walking may ease back pain.</p>")
                    .contains("&lt;script&gt;")
                    // Rita signed off; Paul approved claims too (four eyes), so both are credited, the signer first.
                    .endsWith("<p class=\"medical-review\">Medically reviewed by Rita Reyes, MD and Paul Park, PharmD"
                            + " on November 25, 2026</p>");
        });
    }

    @Test
    void renderedArticleCarriesRenderingsSealOverWhatDistributionPublishes() {
        ArticleApproved approved = sealed(approved("Walking may ease back pain."));

        send(approved);

        ArticleRendered rendered =
                (ArticleRendered) (Object) output.receive(0, Topics.RENDERED).getPayload();
        assertThat(rendered.getRenderSeal()).startsWith("ey").contains("..");
        assertThat(DISTRIBUTION.problem(rendered)).isEmpty();
        assertThat(DISTRIBUTION.isSigned(ArticleRendered.newBuilder(rendered)
                        .setHtml(rendered.getHtml().replace("Walking", "Running"))
                        .build()))
                .isFalse();
        assertThat(DISTRIBUTION.isSigned(ArticleRendered.newBuilder(rendered)
                        .setSlug("elsewhere")
                        .build()))
                .isFalse();
    }

    @Test
    void approvalWhoseBodyWasTamperedWithIsDeadLetteredForItsHash() {
        ArticleApproved approved = sealed(approved("Walking may ease back pain."));
        approved.setBodyMarkdown("Walking cures back pain.");
        REVIEW.sign(approved); // as a faulty review would: signed, but the text no longer hashes to the approval

        send(approved);

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("do not hash to the approved hash");
    }

    @Test
    void theCorrectionNoteAndTheEmbargoTravelOnAndAreHashed() {
        ArticleApproved approved = approved("Walking may ease back pain.");
        approved.setCorrection("The walking time is 30 minutes, not 3 hours.");
        approved.setPublishAt(Instant.parse("2026-12-24T08:00:00Z"));
        approved.getApproval().setContentHash(ContentHash.of(ContentHash.reviewed(approved)));

        send(sealed(approved));

        ArticleRendered rendered =
                (ArticleRendered) (Object) output.receive(0, Topics.RENDERED).getPayload();
        assertThat(rendered.getCorrection()).isEqualTo("The walking time is 30 minutes, not 3 hours.");
        assertThat(rendered.getPublishAt()).isEqualTo(Instant.parse("2026-12-24T08:00:00Z"));
        assertThat(rendered.getSourceHash()).isEqualTo(approved.getApproval().getContentHash());
    }

    @Test
    void anApprovalWhoseNoteWasChangedIsDeadLetteredForItsHash() {
        ArticleApproved approved = approved("Walking may ease back pain.");
        approved.setCorrection("Fixed the walking time.");
        approved.getApproval().setContentHash(ContentHash.of(ContentHash.reviewed(approved)));
        approved = sealed(approved);
        approved.setCorrection("Nothing changed.");
        REVIEW.sign(approved);

        send(approved);

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("do not hash to the approved hash");
    }

    @Test
    void approvalWithAMatchingHashButNoSealIsDeadLettered() {
        ArticleApproved forged = approved("Walking cures back pain.");

        send(forged);

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("not signed by the review service");
    }

    @Test
    void approvalSignedWithAKeyReviewIsNotKnownByIsDeadLettered() {
        ArticleApproved forged = approved("Walking cures back pain.");
        Approval approval = forged.getApproval();
        new Signatures(SigningKey.generate(Issuer.REVIEW, "review-not-trusted"), DemoKeys.trusted())
                .signApproval("art-7", approval);
        REVIEW.sign(forged);

        send(forged);

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("not signed by the review service");
    }

    @Test
    void sealOfOneReviewerDoesNotCoverAnotherSigner() {
        ArticleApproved forged = sealed(approved("Walking cures back pain."));
        forged.getApproval().setSignedOffBy(new Reviewer("paul", "Paul Park", "PharmD"));

        send(forged);

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("not signed by the review service");
    }

    /** Ways to change a sealed approval on its way to rendering; each must break review's seal. */
    static Stream<Arguments> changesAfterSealing() {
        return Stream.of(
                Arguments.of("signer's display name", (UnaryOperator<ArticleApproved>) approved -> {
                    approved.getApproval().setSignedOffBy(new Reviewer("rita", "Dr. Rita Reyes", "MD"));
                    return approved;
                }),
                Arguments.of("signer's credential", (UnaryOperator<ArticleApproved>) approved -> {
                    approved.getApproval().setSignedOffBy(new Reviewer("rita", "Rita Reyes", "MD, PhD"));
                    return approved;
                }),
                Arguments.of("slug", (UnaryOperator<ArticleApproved>) approved -> {
                    approved.setSlug("walking-cures-back-pain");
                    return approved;
                }),
                Arguments.of("authors", (UnaryOperator<ArticleApproved>) approved -> {
                    approved.setAuthors(List.of(new Author("walter", "Walter Webb")));
                    return approved;
                }),
                Arguments.of("tags", (UnaryOperator<ArticleApproved>) approved -> {
                    approved.setTags(List.of("back pain", "cure"));
                    return approved;
                }),
                Arguments.of("claim reviewers", (UnaryOperator<ArticleApproved>) approved -> {
                    approved.getApproval().setClaimReviewers(List.of(new Reviewer("paul", "Paul Park", "MD")));
                    return approved;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesAfterSealing")
    void sealedApprovalChangedOnTheWayIsDeadLettered(String changed, UnaryOperator<ArticleApproved> change) {
        ArticleApproved altered = change.apply(sealed(approved("Walking may ease back pain.")));

        send(altered);

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("not signed by the review service");
    }

    @Test
    void approvedMarkdownDeepEnoughToOverflowTheStackIsDeadLetteredNotFatal() {
        // Flexmark parses nested emphasis recursively: this overflows the stack before any depth check can look.
        String deep = "*".repeat(20_000) + "Walking" + "*".repeat(20_000);
        send(sealed(approved(deep)));
        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("StackOverflowError");

        failures.clear();
        send(sealed(approved("Walking may ease back pain.")));
        assertThat(output.receive(0, Topics.RENDERED)).isNotNull();
    }

    @Test
    void approvedMarkdownNestedTooDeepIsDeadLettered() {
        send(sealed(approved(">".repeat(1_000) + " Walking may ease back pain.")));

        assertThat(output.receive(0, Topics.RENDERED)).isNull();
        assertRefusedBecause("nested 1002 levels deep");
    }

    private void send(ArticleApproved approved) {
        input.send(
                MessageBuilder.withPayload(approved)
                        .setHeader(KafkaHeaders.KEY, approved.getArticleId())
                        .build(),
                Topics.APPROVED);
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

    /** As the review service signs it: the approval, then the whole event. */
    static ArticleApproved sealed(ArticleApproved approved) {
        REVIEW.signApproval(approved.getArticleId(), approved.getApproval());
        return REVIEW.sign(approved);
    }

    static ArticleApproved approved(String body) {
        String title = "Can Walking Ease Back Pain?";
        String summary = "What gentle movement can and cannot do.";
        ArticleApproved approved = ArticleApproved.newBuilder()
                .setEventId("approved-1")
                .setArticleId("art-7")
                .setSlug("walking-back-pain")
                .setTitle(title)
                .setSummary(summary)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("back pain", "exercise"))
                .setBodyMarkdown(body)
                .setApproval(Approval.newBuilder()
                        .setRevision(2)
                        .setContentHash("")
                        .setSignedOffBy(new Reviewer("rita", "Rita Reyes", "MD"))
                        .setClaimReviewers(List.of(new Reviewer("paul", "Paul Park", "PharmD")))
                        // 01:30 UTC on the 26th is still the 25th in New York.
                        .setApprovedAt(Instant.parse("2026-11-26T01:30:00Z"))
                        .build())
                .build();
        approved.getApproval().setContentHash(ContentHash.of(ContentHash.reviewed(approved)));
        return approved;
    }
}
