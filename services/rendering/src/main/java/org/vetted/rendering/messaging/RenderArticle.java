package org.vetted.rendering.messaging;

import io.micrometer.observation.ObservationRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.rendering.app.RenderApprovedArticle;
import org.vetted.rendering.domain.ApprovedArticle;
import org.vetted.support.kafka.BatchDeadLetters;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Outbound;
import org.vetted.support.stream.RawRecords;
import org.vetted.support.stream.Refusal;
import org.vetted.support.stream.TransactionalBatch;

/**
 * The {@code renderArticle} consumer: article.approved in, article.rendered out, keyed by article id.
 * An approval without review's signatures, or that does not cover its text, is poison: it goes to the dead-letter
 * topic and nothing is rendered. What is rendered carries rendering's own signature ({@code renderSeal}) over every
 * field of the event (article id, revision, slug, title, summary, authors, tags, source, source hash, the exact HTML,
 * the approval with review's signature), so distribution can tell that what it publishes is what rendering produced
 * from the text review approved. The seal check and mapping are the shared inbound step, sealing and keying the
 * outbound one; the use case alone is this consumer's.
 * <p>
 * A batch-mode binding: one poll is one Kafka transaction ({@link TransactionalBatch}). Every record is decoded from
 * its raw bytes (so one that does not decode is dead-lettered as it came), verified,
 * rendered and sealed on its own (in parallel across the batch: nothing here is shared but immutable renderer and
 * keys), then the renderings are sent in the poll's order to {@code renderArticle-out-0}; a refused record is
 * dead-lettered with its reason in the same transaction and the rest of the batch is rendered.
 */
@Component("renderArticle")
public class RenderArticle implements Consumer<Message<Object>> {
    private static final Logger log = LoggerFactory.getLogger(RenderArticle.class);

    static final String OUTPUT = "renderArticle-out-0";

    private final RenderApprovedArticle renderApproved;
    private final Inbound<ArticleApproved, ApprovedArticle> inbound;
    private final Outbound<ArticleApproved, RenderApprovedArticle.Rendered, ArticleRendered> outbound;
    private final TransactionalBatch<Object, Message<ArticleRendered>> batch;

    @Autowired
    public RenderArticle(
            RenderApprovedArticle renderApproved,
            Seals seals,
            StreamBridge streamBridge,
            BatchDeadLetters deadLetters,
            ObservationRegistry observations,
            @Value("${spring.cloud.stream.bindings.renderArticle-in-0.group}") String group) {
        this(
                renderApproved,
                seals,
                rendered -> streamBridge.send(OUTPUT, rendered),
                (record, cause) -> deadLetters.deadLetter(group, record, cause),
                observations);
    }

    /**
     * @param send       where a rendering goes, in the transaction under way
     * @param deadLetter where a refused approval goes, with its cause, in the same transaction
     * @param observations each record's steps run in an observation of that record (the trace its headers carry)
     */
    RenderArticle(
            RenderApprovedArticle renderApproved,
            Seals seals,
            Consumer<Message<ArticleRendered>> send,
            TransactionalBatch.DeadLetter deadLetter,
            ObservationRegistry observations) {
        this.renderApproved = renderApproved;
        this.inbound = new Inbound<>(
                seals,
                ApprovedArticleMapper::toDomain,
                new Refusal<ArticleApproved>(
                        log,
                        "Refusing to render",
                        "not rendered",
                        approved -> "article " + approved.getArticleId() + " (event " + approved.getEventId() + ")"));
        this.outbound = new Outbound<>(seals, ApprovedArticleMapper::toRendered, ArticleRendered::getArticleId);
        this.batch = new TransactionalBatch<>(
                this::render,
                (record, rendered) -> {
                    send.accept(rendered);
                    log.info(
                            "Rendered article {} revision {}",
                            rendered.getPayload().getArticleId(),
                            rendered.getPayload().getRevision());
                },
                deadLetter,
                observations);
    }

    @Override
    public void accept(Message<Object> poll) {
        batch.accept(poll);
    }

    /** One approval verified, rendered and sealed; or the refusal that dead-letters it. */
    private Message<ArticleRendered> render(Message<Object> record) {
        return RecordGuard.process(() -> {
            Message<ArticleApproved> message = RawRecords.decode(record, ArticleApproved.class, "not rendered");
            Inbound.Verified<ArticleApproved, ApprovedArticle> approved = inbound.verify(message);
            RenderApprovedArticle.Outcome outcome = renderApproved.render(approved.domain());
            if (outcome instanceof RenderApprovedArticle.Refused refused) {
                throw inbound.refuse(approved, refused.reason());
            }
            return outbound.message(approved.event(), (RenderApprovedArticle.Rendered) outcome);
        });
    }
}
