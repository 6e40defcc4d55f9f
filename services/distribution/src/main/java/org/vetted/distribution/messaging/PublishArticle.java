package org.vetted.distribution.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.Embargoes;
import org.vetted.distribution.app.PublishRenderedArticle;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.RenderedArticle;
import org.vetted.events.ArticleRendered;
import org.vetted.support.kafka.BatchDeadLetters;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Outbound;
import org.vetted.support.stream.RawRecords;
import org.vetted.support.stream.Refusal;
import org.vetted.support.stream.TransactionalBatch;

/**
 * The {@code publishArticle} consumer: article.rendered in, article.published out, keyed by article id.
 * A rendering without review's signature on its approval or rendering's signature on itself, or whose approval does
 * not cover its source, is poison: dead-lettered, nothing published. What is published carries distribution's
 * signature ({@code ArticlePublished.seal}), without which {@code servePublished} makes no page of it, and is sent as
 * the encoded bytes with distribution's signature over exactly those bytes in the {@code vetted-signature} header, which
 * a downstream site checks with any JOSE library before decoding. The seal check and mapping are the shared inbound
 * step, sealing, encoding, signing and keying the outbound one; the use case alone is this consumer's.
 * <p>
 * A batch-mode binding: one poll is one Kafka transaction ({@link TransactionalBatch}). The seals of every rendering
 * are checked on their own (in parallel across the batch), then each is decided in the poll's order (withdrawals and
 * embargoes are read and written there, one article's renderings in the order of their partition) and what is
 * published is sent to {@code publishArticle-out-0}; a refused rendering is dead-lettered with its reason in the same
 * transaction and the rest of the batch goes on. The pages' database failing fails the whole poll, retried until it
 * is back.
 */
@Component("publishArticle")
public class PublishArticle implements Consumer<Message<Object>> {
    private static final Logger log = LoggerFactory.getLogger(PublishArticle.class);

    static final String OUTPUT = "publishArticle-out-0";

    private final PublishRenderedArticle publishRendered;
    private final Inbound<ArticleRendered, RenderedArticle> inbound;
    private final Outbound<Object, PublishedArticle, SpecificRecordBase> outbound;

    private final Timer lag;
    private final Embargoes embargoes;
    private final TransactionalBatch<Object, Inbound.Verified<ArticleRendered, RenderedArticle>> batch;

    @Autowired
    public PublishArticle(
            PublishRenderedArticle publishRendered,
            Seals seals,
            MeterRegistry meters,
            Embargoes embargoes,
            StreamBridge streamBridge,
            BatchDeadLetters deadLetters,
            ObservationRegistry observations,
            @Value("${spring.cloud.stream.bindings.publishArticle-in-0.group}") String group) {
        this(
                publishRendered,
                seals,
                meters,
                embargoes,
                published -> streamBridge.send(OUTPUT, published),
                (record, cause) -> deadLetters.deadLetter(group, record, cause),
                observations);
    }

    /** For one rendering at a time ({@link #apply}): nothing is sent, a refusal is thrown. */
    PublishArticle(PublishRenderedArticle publishRendered, Seals seals, MeterRegistry meters, Embargoes embargoes) {
        this(
                publishRendered,
                seals,
                meters,
                embargoes,
                published -> {
                    throw new IllegalStateException("no output");
                },
                (record, cause) -> {
                    throw cause;
                },
                ObservationRegistry.NOOP);
    }

    /**
     * @param send       where a publication goes, in the transaction under way
     * @param deadLetter where a refused rendering goes, with its cause, in the same transaction
     * @param observations each record's steps run in an observation of that record (the trace its headers carry)
     */
    PublishArticle(
            PublishRenderedArticle publishRendered,
            Seals seals,
            MeterRegistry meters,
            Embargoes embargoes,
            Consumer<Message<byte[]>> send,
            TransactionalBatch.DeadLetter deadLetter,
            ObservationRegistry observations) {
        this.publishRendered = publishRendered;
        this.embargoes = embargoes;
        this.lag = Timer.builder("vetted.publication.lag")
                .description("from the medical approval to the article's publication")
                .register(meters);
        this.inbound = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleRendered>(
                        log,
                        "Refusing to publish",
                        "not published",
                        rendered -> "article " + rendered.getArticleId() + " revision " + rendered.getRevision()
                                + " (event " + rendered.getEventId() + ")"));
        this.outbound = Outbound.of(seals, EventMapper::toEvent, event -> (String) event.get("articleId"));
        this.batch = new TransactionalBatch<>(
                this::verify,
                (record, rendered) -> {
                    Message<byte[]> published = decide(rendered);
                    if (published != null) {
                        send.accept(published);
                    }
                },
                deadLetter,
                observations);
    }

    @Override
    public void accept(Message<Object> poll) {
        batch.accept(poll);
    }

    /** One rendering verified and decided: what to publish, or null when it is held until its embargo is due. */
    @SuppressWarnings("unchecked")
    Message<byte[]> apply(Message<ArticleRendered> message) {
        return decide(verify((Message<Object>) (Message<?>) message));
    }

    /** Decoded from the raw bytes (one that does not decode is dead-lettered as it came), then its seals checked. */
    private Inbound.Verified<ArticleRendered, RenderedArticle> verify(Message<Object> record) {
        return RecordGuard.process(
                () -> inbound.verify(RawRecords.decode(record, ArticleRendered.class, "not published")));
    }

    private Message<byte[]> decide(Inbound.Verified<ArticleRendered, RenderedArticle> rendered) {
        return RecordGuard.process(() -> {
            PublishRenderedArticle.Outcome outcome = publishRendered.publish(rendered.domain());
            if (outcome instanceof PublishRenderedArticle.Refused refused) {
                throw inbound.refuse(rendered, refused.reason());
            }
            if (outcome instanceof PublishRenderedArticle.Held held) {
                // Kept as rendering signed it; ReleaseEmbargoes verifies and decides it again when it is due.
                boolean first = embargoes.hold(new Embargoes.Held(
                        rendered.event().getEventId(),
                        rendered.domain().articleId(),
                        held.publishAt(),
                        EventCatalog.standard().encode(rendered.event())));
                log.info(
                        "Holding article {} revision {} until {}{}",
                        rendered.domain().articleId(),
                        rendered.domain().revision(),
                        held.publishAt(),
                        first ? "" : " (held before)");
                return null;
            }
            PublishedArticle published = ((PublishRenderedArticle.Published) outcome).article();
            if (published.medicallyReviewedAt() != null
                    && !published.publishedAt().isBefore(published.medicallyReviewedAt())) {
                lag.record(Duration.between(published.medicallyReviewedAt(), published.publishedAt()));
            }
            log.info(
                    "Publishing article {} revision {} at {}",
                    published.articleId(),
                    published.revision(),
                    published.url());
            return PublicRecords.typed(outbound.signedBytes(rendered.event(), published));
        });
    }
}
