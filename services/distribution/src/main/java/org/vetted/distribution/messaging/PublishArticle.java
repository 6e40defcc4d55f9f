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
 * A batch-mode binding: one poll is one Kafka transaction ({@link TransactionalBatch}). Every rendering is prepared
 * on its own, in parallel across the batch: its seals checked, the approval checked, and what it would publish
 * sealed, encoded and value-signed. Then each is decided in the poll's order (the withdrawal gate and embargoes are
 * read and written there, one article's renderings in the order of their partition) and what is published is sent
 * to {@code publishArticle-out-0}; a refused rendering is dead-lettered with its reason in the same transaction and
 * the rest of the batch goes on. The pages' database failing fails the whole poll, retried until it
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
    private final TransactionalBatch<Object, Prepared> batch;

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
                this::prepare,
                (record, prepared) -> {
                    Message<byte[]> published = complete(prepared);
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
        return complete(prepare((Message<Object>) (Message<?>) message));
    }

    /**
     * A rendering as far as it goes on its own, on any thread: decoded from the raw bytes (one that does not decode
     * is dead-lettered as it came), its seals checked, decided without the publication gate (the approval check, the
     * embargo, the publication at the clock's time) and, when published, sealed, encoded and value-signed. The
     * signatures are most of a record's CPU, so a poll makes them in parallel; what the gate then refuses is dropped.
     */
    private Prepared prepare(Message<Object> record) {
        return RecordGuard.process(() -> {
            Inbound.Verified<ArticleRendered, RenderedArticle> rendered =
                    inbound.verify(RawRecords.decode(record, ArticleRendered.class, "not published"));
            PublishRenderedArticle.Outcome outcome = publishRendered.decide(rendered.domain());
            Message<byte[]> signed = outcome instanceof PublishRenderedArticle.Published published
                    ? PublicRecords.typed(outbound.signedBytes(rendered.event(), published.article()))
                    : null;
            return new Prepared(rendered, outcome, signed);
        });
    }

    /**
     * The prepared rendering decided in the poll's order: the publication gate first (a withdrawn article's
     * rendering is refused, whatever else holds), then the prepared outcome; held ones are recorded here.
     */
    private Message<byte[]> complete(Prepared prepared) {
        Inbound.Verified<ArticleRendered, RenderedArticle> rendered = prepared.rendered();
        return RecordGuard.process(() -> {
            PublishRenderedArticle.Outcome outcome = publishRendered
                    .withdrawn(rendered.domain().articleId())
                    .<PublishRenderedArticle.Outcome>map(refused -> refused)
                    .orElse(prepared.outcome());
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
            return prepared.signed();
        });
    }

    /**
     * @param outcome the decision without the publication gate
     * @param signed  when published: the sealed, encoded, value-signed and typed record to send
     */
    private record Prepared(
            Inbound.Verified<ArticleRendered, RenderedArticle> rendered,
            PublishRenderedArticle.Outcome outcome,
            Message<byte[]> signed) {}
}
