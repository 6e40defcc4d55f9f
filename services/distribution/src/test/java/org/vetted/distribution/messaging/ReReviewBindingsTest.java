package org.vetted.distribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.Signed;
import org.vetted.distribution.app.Embargoes;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.app.WithdrawalGate;
import org.vetted.distribution.domain.Reviewer;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawalKind;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleReviewStatus;
import org.vetted.events.Author;
import org.vetted.events.ReReviewStatus;
import org.vetted.support.projection.TestDatabase;

/** Review's re-review notices in, public ArticleReviewDue/ArticleReviewExpired out, and back into the pages. */
@SpringBootTest(
        properties = {
            "spring.cloud.stream.bindings.reviewStatus-in-0.consumer.max-attempts=1",
            "vetted.public-base-url=https://vetted.example",
            "vetted.signing.demo-keys=true"
        })
@Import(TestChannelBinderConfiguration.class)
@ActiveProfiles("test")
class ReReviewBindingsTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
    static final Signatures READER = new Signatures(null, DemoKeys.trusted());
    static final Instant APPROVED_AT = Instant.parse("2026-11-25T15:30:00Z");
    static final Instant REVIEW_BY = Instant.parse("2027-11-25T15:30:00Z");

    @Autowired
    InputDestination input;

    @Autowired
    OutputDestination output;

    @Autowired
    PageStore pages;

    @Autowired
    WithdrawalGate gate;

    @Autowired
    Embargoes embargoes;

    @Autowired
    @Qualifier("errorChannel")
    SubscribableChannel errorChannel;

    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final MessageHandler collectFailures = message -> failures.add(((ErrorMessage) message).getPayload());

    @BeforeEach
    void listen() {
        output.clear();
        errorChannel.subscribe(collectFailures);
    }

    @AfterEach
    void stopListening() {
        errorChannel.unsubscribe(collectFailures);
    }

    @Test
    void dueAndExpiredArePublishedSignedAndTypedAndThePageSaysTheReviewIsOverdue() {
        String articleId = "art-rr-1";
        serve(published(articleId, "tea-rr-1"));

        send(status(articleId, ReReviewStatus.DUE, "rr-1-due"));
        Message<byte[]> due = output.receive(0, Topics.PUBLISHED);
        assertThat(failures).isEmpty();
        assertThat(due.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(articleId);
        assertThat(eventType(due)).isEqualTo("ArticleReviewDue");
        assertThat(READER.valueProblem(Issuer.DISTRIBUTION, signatureHeader(due), due.getPayload()))
                .isEmpty();
        assertThat(decoded(due)).isInstanceOfSatisfying(ArticleReviewDue.class, event -> {
            assertThat(READER.problem(event)).isEmpty();
            assertThat(event.getUrl()).isEqualTo("https://vetted.example/articles/tea-rr-1");
            assertThat(event.getLastReviewedAt()).isEqualTo(APPROVED_AT);
            assertThat(event.getReviewBy()).isEqualTo(REVIEW_BY);
        });
        input.send(due, Topics.PUBLISHED);
        output.clear();
        assertThat(pages.reReview(articleId))
                .hasValueSatisfying(notice -> assertThat(notice.overdue()).isFalse());

        send(status(articleId, ReReviewStatus.EXPIRED, "rr-1-expired"));
        Message<byte[]> expired = output.receive(0, Topics.PUBLISHED);
        assertThat(eventType(expired)).isEqualTo("ArticleReviewExpired");
        assertThat(decoded(expired)).isInstanceOfSatisfying(ArticleReviewExpired.class, event -> {
            assertThat(READER.problem(event)).isEmpty();
            assertThat(event.getPolicy().name()).isEqualTo("KEEP");
        });
        String eventId = ((ArticleReviewExpired) decoded(expired)).getEventId();
        input.send(expired, Topics.PUBLISHED);
        output.clear();
        assertThat(pages.reReview(articleId))
                .hasValueSatisfying(notice -> assertThat(notice.overdue()).isTrue());
        // The earlier "due" record replayed on the public topic (an attacker's or a rewound reader's) does not make
        // the overdue article look merely due again.
        input.send(due, Topics.PUBLISHED);
        output.clear();
        assertThat(pages.reReview(articleId))
                .hasValueSatisfying(notice -> assertThat(notice.overdue()).isTrue());

        // Read again (a redelivery, or review firing again after a restart): the same public event.
        send(status(articleId, ReReviewStatus.EXPIRED, "rr-1-expired"));
        assertThat(((ArticleReviewExpired) decoded(output.receive(0, Topics.PUBLISHED))).getEventId())
                .isEqualTo(eventId);
        assertThat(failures).isEmpty();
    }

    @Test
    void aNoticeNotSignedByReviewIsDeadLetteredAndOneAboutAWithdrawnOrEmbargoedArticlePublishesNothing() {
        ArticleReviewStatus forged = status("art-rr-2", ReReviewStatus.EXPIRED, "rr-2");
        forged.setReason("forged");
        send(forged);
        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertThat(failures)
                .singleElement()
                .satisfies(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(PoisonEventException.class)
                        .hasMessageContaining("is not signed by the review service"));
        failures.clear();

        gate.record(Signed.decision(new Withdrawal(
                "w-rr-3",
                "art-rr-3",
                WithdrawalKind.UNPUBLISHED,
                "legal",
                new Reviewer("rita", "Rita Reyes", "MD"),
                APPROVED_AT.plusSeconds(60),
                1,
                "sha256v2:00",
                "tea-rr-3",
                "Tea",
                null)));
        send(status("art-rr-3", ReReviewStatus.DUE, "rr-3"));
        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertThat(failures).isEmpty();

        // Held under an embargo that outlasts the notice period: not a word of it in public before its time.
        embargoes.hold(new Embargoes.Held("emb-rr-4", "art-rr-4", REVIEW_BY.plusSeconds(86_400), new byte[] {1}));
        send(status("art-rr-4", ReReviewStatus.DUE, "rr-4"));
        assertThat(output.receive(0, Topics.PUBLISHED)).isNull();
        assertThat(failures).isEmpty();
    }

    private void serve(ArticlePublished published) {
        DISTRIBUTION.sign(published);
        input.send(
                MessageBuilder.withPayload(EventCatalog.standard().encode(published))
                        .setHeader(KafkaHeaders.KEY, published.getArticleId())
                        .build(),
                Topics.PUBLISHED);
        output.clear();
        assertThat(pages.findByArticle(published.getArticleId())).isPresent();
    }

    private void send(ArticleReviewStatus status) {
        input.send(
                MessageBuilder.withPayload(status)
                        .setHeader(KafkaHeaders.KEY, status.getArticleId())
                        .build(),
                Topics.REVIEW_STATUS);
    }

    private static ArticleReviewStatus status(String articleId, ReReviewStatus status, String eventId) {
        return REVIEW.sign(ArticleReviewStatus.newBuilder()
                .setEventId(eventId)
                .setArticleId(articleId)
                .setStatus(status)
                .setRevision(1)
                .setContentHash("sha256:" + articleId)
                .setSlug("tea-" + articleId)
                .setApprovedAt(APPROVED_AT)
                .setReviewBy(REVIEW_BY)
                .setReason(status == ReReviewStatus.DUE ? "due" : "expired")
                .setAt(status == ReReviewStatus.DUE ? REVIEW_BY.minusSeconds(86_400 * 30) : REVIEW_BY)
                .build());
    }

    private static ArticlePublished published(String articleId, String slug) {
        return ArticlePublished.newBuilder()
                .setEventId("published-" + articleId)
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(slug)
                .setTitle("Tea")
                .setSummary("A summary.")
                .setHtml("<p>Text.</p>")
                .setUrl("https://vetted.example/articles/" + slug)
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of("tea"))
                .setMedicallyReviewedBy(new org.vetted.events.Reviewer("paul", "Paul Park", "PharmD"))
                .setMedicallyReviewedAt(APPROVED_AT)
                .setContentHash("sha256:" + articleId)
                .setPublishedAt(APPROVED_AT.plusSeconds(60))
                .build();
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

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
