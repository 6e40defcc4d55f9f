package org.vetted.distribution.messaging;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleUnpublished;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.StoreUnavailableException;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.BatchRecords;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Refusal;

/**
 * The {@code servePublished} consumer: feeds the page store from the committed article.published topic, so pages and
 * feed show exactly what was published. Each record's effect and the projection's new position commit together in
 * the pages' database ({@link SharedProjection}), which every instance serves from. Only records carrying
 * distribution's publication signature become pages: anyone who can write to the public topic could otherwise put up
 * a page. A record without a valid signature is logged and skipped, not dead-lettered: a rebuilt projection reads the
 * topic again, and would dead-letter the same record again each time.
 * <p>
 * It reads the raw value bytes (the binding's deserializer is Kafka's byte-array one), so it checks the
 * {@code vetted-signature} header as a downstream site does, over exactly those bytes: a header that is there but is
 * not distribution's signature of this value refuses the record, whatever its seal. Records written before the header
 * existed carry none and are judged by their seal alone. A value that does not decode is dead-lettered, as the
 * contract's deserializer did.
 */
@Component("servePublished")
public class ServePublished implements Consumer<Message<Object>> {
    private static final Logger log = LoggerFactory.getLogger(ServePublished.class);
    /** What a record that changes no page does. */
    private static final Runnable NOTHING = () -> {};

    private final PageStore pages;
    private final Seals seals;
    private final Refusal<ArticlePublished> refusal;
    private final Inbound<ArticlePublished, PublishedArticle> inbound;
    private final SharedProjection projection;
    private final Inbound<ArticleCorrected, PublishedArticle> corrections;
    private final Inbound<ArticleRetracted, WithdrawnArticle> retractions;
    private final Inbound<ArticleUnpublished, WithdrawnArticle> takedowns;
    private final Inbound<ArticleReviewDue, ReReviewNotice> dues;
    private final Inbound<ArticleReviewExpired, ReReviewNotice> expiries;

    public ServePublished(PageStore pages, Seals seals, SharedProjection projection) {
        this.pages = pages;
        this.seals = seals;
        this.refusal = new Refusal<ArticlePublished>(
                log,
                "Not serving",
                null,
                published -> "article " + published.getArticleId() + " revision " + published.getRevision() + " (event "
                        + published.getEventId() + ")");
        this.inbound = new Inbound<>(seals, EventMapper::toDomain, refusal);
        this.projection = projection;
        this.corrections = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleCorrected>(
                        log,
                        "Not serving",
                        null,
                        corrected -> "correction of article " + corrected.getArticleId() + " revision "
                                + corrected.getRevision() + " (event " + corrected.getEventId() + ")"));
        this.retractions = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleRetracted>(
                        log,
                        "Not applying",
                        null,
                        retracted -> "retraction of article " + retracted.getArticleId() + " (event "
                                + retracted.getEventId() + ")"));
        this.takedowns = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleUnpublished>(
                        log,
                        "Not applying",
                        null,
                        unpublished -> "takedown of article " + unpublished.getArticleId() + " (event "
                                + unpublished.getEventId() + ")"));
        this.dues = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleReviewDue>(
                        log,
                        "Not applying",
                        null,
                        due -> "review due of article " + due.getArticleId() + " (event " + due.getEventId() + ")"));
        this.expiries = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleReviewExpired>(
                        log,
                        "Not applying",
                        null,
                        expired -> "review expiry of article " + expired.getArticleId() + " (event "
                                + expired.getEventId() + ")"));
    }

    /**
     * The public topic holds several record types (distribution's alone); one this version does not know is skipped.
     * A batch-mode binding: one poll is one database transaction ({@link SharedProjection#applyBatch}). Each record is
     * decoded and its signatures checked alone, in parallel across the poll; then what it does to the pages is
     * applied in the poll's order. A record that fails is named to the container by its index: the records before it
     * stay applied, it alone is retried or dead-lettered (its cause in the dead letter), the records after it are
     * redelivered (kafka-support's {@code RecordByRecordAfterRollback}). A store failure names the first record:
     * retried until the database is back, never dead-lettered.
     */
    @Override
    public void accept(Message<Object> poll) {
        List<Message<byte[]>> records = BatchRecords.<byte[]>split(poll);
        try {
            projection.applyBatch(
                    records,
                    raw -> RecordGuard.process(() -> prepare(raw)),
                    (raw, serving) -> RecordGuard.run(serving));
        } catch (SharedProjection.BatchRecordFailed failed) {
            throw new BatchListenerFailedException(failed.getMessage(), failed, failed.index());
        } catch (StoreUnavailableException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
    }

    /** What the record does to the pages, once verified: nothing for one that fails its checks (logged). */
    @SuppressWarnings("unchecked")
    private Runnable prepare(Message<byte[]> raw) {
        PublicRecords.Read read = PublicRecords.read(raw, seals, "not served");
        SpecificRecordBase record = read.record();
        if (read.problem().isPresent()) {
            log.warn(
                    "Not applying {} {} of article {}: {}",
                    record.getSchema().getName(),
                    record.get("eventId"),
                    record.get("articleId"),
                    read.problem().get());
            return NOTHING;
        }
        Message<?> message = MessageBuilder.createMessage(record, raw.getHeaders());
        Optional<Runnable> serving;
        if (record instanceof ArticlePublished) {
            serving = inbound.verifyOrSkip((Message<ArticlePublished>) message)
                    .map(verified -> () -> serve(verified.domain()));
        } else if (record instanceof ArticleCorrected) {
            // A corrected revision is a publication like any other; the store keeps its note with the page.
            serving = corrections
                    .verifyOrSkip((Message<ArticleCorrected>) message)
                    .map(verified -> () -> serve(verified.domain()));
        } else if (record instanceof ArticleRetracted) {
            serving = retractions
                    .verifyOrSkip((Message<ArticleRetracted>) message)
                    .map(verified -> () -> withdraw(verified.domain()));
        } else if (record instanceof ArticleUnpublished) {
            serving = takedowns
                    .verifyOrSkip((Message<ArticleUnpublished>) message)
                    .map(verified -> () -> withdraw(verified.domain()));
        } else if (record instanceof ArticleReviewDue) {
            serving = dues.verifyOrSkip((Message<ArticleReviewDue>) message)
                    .map(verified -> () -> reReview(verified.domain()));
        } else if (record instanceof ArticleReviewExpired) {
            serving = expiries.verifyOrSkip((Message<ArticleReviewExpired>) message)
                    .map(verified -> () -> reReview(verified.domain()));
        } else {
            log.warn(
                    "Skipping a record of type {} on the public topic",
                    record.getClass().getSimpleName());
            serving = Optional.empty();
        }
        return serving.orElse(NOTHING);
    }

    private void reReview(ReReviewNotice notice) {
        PageStore.Outcome outcome = pages.apply(notice);
        log.info("Article {} review {} (event {}): {}", notice.articleId(), notice.kind(), notice.eventId(), outcome);
    }

    private void withdraw(WithdrawnArticle withdrawal) {
        PageStore.Outcome outcome = pages.apply(withdrawal);
        log.info(
                "Article {} {} (event {}): {}",
                withdrawal.articleId(),
                withdrawal.kind(),
                withdrawal.eventId(),
                outcome);
    }

    private void serve(PublishedArticle article) {
        PageStore.Outcome outcome = pages.apply(article);
        if (outcome == PageStore.Outcome.SLUG_TAKEN) {
            log.warn(
                    "Not serving article {} revision {} (event {}): its slug '{}' belongs to another article",
                    article.articleId(),
                    article.revision(),
                    article.eventId(),
                    article.slug());
            return;
        }
        log.debug(
                "Article {} revision {} (event {}): {}",
                article.articleId(),
                article.revision(),
                article.eventId(),
                outcome);
    }

    /** The header as the binder maps it: the JWS's bytes from Kafka, or a string from the test binder. */
    public static Optional<String> signatureHeader(Message<?> message) {
        return PublicRecords.signatureHeader(message);
    }
}
