package org.vetted.support.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;
import org.vetted.support.signing.Seals;

/** The shared steps on a publication: sealed and keyed going out, checked and mapped coming in. */
@ExtendWith(OutputCaptureExtension.class)
class StreamStepsTest {
    private static final Seals DISTRIBUTION = new Seals(DemoKeys.signaturesOf(Issuer.DISTRIBUTION));
    private static final Refusal<ArticlePublished> REFUSAL = new Refusal<>(
            LoggerFactory.getLogger(StreamStepsTest.class),
            "Refusing to take",
            "not taken",
            event -> "article " + event.getArticleId());

    private final Inbound<ArticlePublished, String> inbound =
            new Inbound<>(DISTRIBUTION, ArticlePublished::getTitle, REFUSAL);
    private final Outbound<Object, String, ArticlePublished> outbound =
            Outbound.of(DISTRIBUTION, StreamStepsTest::publication, ArticlePublished::getArticleId);

    @Test
    void whatGoesOutIsSealedAndKeyedByArticleIdAndComesBackInMapped() {
        Message<ArticlePublished> out = outbound.message(null, "Walking");

        assertThat(out.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("a1");
        assertThat(out.getPayload().getSeal()).isNotBlank();
        Inbound.Verified<ArticlePublished, String> in = inbound.verify(out);
        assertThat(in.domain()).isEqualTo("Walking");
        assertThat(in.event()).isSameAs(out.getPayload());
    }

    @Test
    void signedBytesAreTheSealedEventAsEncodedWithTheWritersSignatureOverExactlyThem() {
        Message<byte[]> out = outbound.signedBytes(null, "Walking");

        assertThat(out.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("a1");
        ArticlePublished event = (ArticlePublished) EventCatalog.standard().decode(out.getPayload());
        assertThat(event.getTitle()).isEqualTo("Walking");
        assertThat(DISTRIBUTION.problem(event)).isEmpty();
        String header =
                new String((byte[]) out.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER), StandardCharsets.US_ASCII);
        assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, header, out.getPayload()))
                .isEmpty();
        byte[] altered = out.getPayload().clone();
        altered[altered.length - 1] ^= 1;
        assertThat(DISTRIBUTION.valueProblem(Issuer.DISTRIBUTION, header, altered))
                .isPresent();
        assertThat(DISTRIBUTION.valueProblem(Issuer.RENDERING, header, out.getPayload()))
                .isPresent();
    }

    @Test
    void aRecordChangedAfterSealingIsPoisonOrSkipped() {
        Message<ArticlePublished> out = outbound.message(null, "Walking");
        out.getPayload().setTitle("Running");

        assertThatThrownBy(() -> inbound.verify(out))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageStartingWith("not taken: ArticlePublished is not signed by the distribution service: ");
        assertThat(inbound.verifyOrSkip(out)).isEmpty();
    }

    @Test
    void anIncompleteRecordIsRefusedBeforeItsSealIsChecked() {
        ArticlePublished incomplete = publication("Walking");
        incomplete.setMedicallyReviewedBy(null);

        assertThatThrownBy(() ->
                        inbound.verify(MessageBuilder.withPayload(incomplete).build()))
                .hasMessage("not taken: the publication is incomplete");
    }

    @Test
    void theDomainsRefusalIsPoisonWithTheSameWords() {
        Inbound.Verified<ArticlePublished, String> in = inbound.verify(outbound.message(null, "Walking"));

        assertThat(inbound.refuse(in, "too late")).hasMessage("not taken: too late");
    }

    @Test
    void aRefusalThatOnlySkipsMakesNoPoison() {
        Refusal<ArticlePublished> skipping = new Refusal<>(
                LoggerFactory.getLogger(StreamStepsTest.class),
                "Not serving",
                null,
                event -> "article " + event.getArticleId());

        assertThatThrownBy(() -> skipping.poison(publication("Walking"), "unsigned"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusalOncePerKeyWarnsOnceForTheSameRecord(CapturedOutput logs) {
        Refusal<ArticlePublished> once = new Refusal<ArticlePublished>(
                        LoggerFactory.getLogger(StreamStepsTest.class),
                        "Skipping",
                        null,
                        event -> "article " + event.getArticleId() + " (event " + event.getEventId() + ")")
                .oncePer(ArticlePublished::getEventId, 1);
        ArticlePublished first = publication("Walking");
        ArticlePublished second = publication("Running");
        second.setEventId("e2");

        once.skip(first, "unsigned");
        once.skip(first, "unsigned");
        once.skip(second, "unsigned");
        once.skip(first, "unsigned");

        assertThat(logs.getAll().lines().filter(line -> line.contains("Skipping article a1 (event e1): unsigned")))
                .as("again once forgotten")
                .hasSize(2);
        assertThat(logs.getAll().lines().filter(line -> line.contains("(event e2)")))
                .hasSize(1);
    }

    private static ArticlePublished publication(String title) {
        Instant monday = Instant.parse("2026-11-23T10:00:00Z");
        return ArticlePublished.newBuilder()
                .setEventId("e1")
                .setArticleId("a1")
                .setRevision(1)
                .setSlug("walking")
                .setTitle(title)
                .setSummary("A summary")
                .setHtml("<p>Walk.</p>")
                .setUrl("http://localhost:8084/articles/walking")
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("back pain"))
                .setMedicallyReviewedBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setMedicallyReviewedAt(monday)
                .setContentHash("sha256v2:abc")
                .setPublishedAt(monday)
                .setSeal(null)
                .build();
    }
}
