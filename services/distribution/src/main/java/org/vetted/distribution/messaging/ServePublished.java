package org.vetted.distribution.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
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
import org.vetted.support.signing.Seals;
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
public class ServePublished implements Consumer<Message<byte[]>> {
    private static final Logger log = LoggerFactory.getLogger(ServePublished.class);

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

    /** The public topic holds several record types (distribution's alone); one this version does not know is skipped. */
    @Override
    @SuppressWarnings("unchecked")
    public void accept(Message<byte[]> raw) {
        RecordGuard.run(() -> projection.apply(raw, () -> {
            SpecificRecordBase record = decode(raw.getPayload());
            Optional<String> header = signatureHeader(raw);
            if (header.isPresent()) {
                Optional<String> problem = seals.valueProblem(Issuer.DISTRIBUTION, header.get(), raw.getPayload());
                if (problem.isPresent()) {
                    log.warn(
                            "Not applying {} {} of article {}: its {} header is not distribution's: {}",
                            record.getSchema().getName(),
                            record.get("eventId"),
                            record.get("articleId"),
                            Signatures.VALUE_SIGNATURE_HEADER,
                            problem.get());
                    return;
                }
            }
            Message<?> message = MessageBuilder.createMessage(record, raw.getHeaders());
            if (record instanceof ArticlePublished) {
                inbound.verifyOrSkip((Message<ArticlePublished>) message)
                        .ifPresent(verified -> serve(verified.domain()));
            } else if (record instanceof ArticleCorrected) {
                // A corrected revision is a publication like any other; the store keeps its note with the page.
                corrections
                        .verifyOrSkip((Message<ArticleCorrected>) message)
                        .ifPresent(verified -> serve(verified.domain()));
            } else if (record instanceof ArticleRetracted) {
                retractions
                        .verifyOrSkip((Message<ArticleRetracted>) message)
                        .ifPresent(verified -> withdraw(verified.domain()));
            } else if (record instanceof ArticleUnpublished) {
                takedowns
                        .verifyOrSkip((Message<ArticleUnpublished>) message)
                        .ifPresent(verified -> withdraw(verified.domain()));
            } else if (record instanceof ArticleReviewDue) {
                dues.verifyOrSkip((Message<ArticleReviewDue>) message)
                        .ifPresent(verified -> reReview(verified.domain()));
            } else if (record instanceof ArticleReviewExpired) {
                expiries.verifyOrSkip((Message<ArticleReviewExpired>) message)
                        .ifPresent(verified -> reReview(verified.domain()));
            } else {
                log.warn(
                        "Skipping a record of type {} on the public topic",
                        record.getClass().getSimpleName());
            }
        }));
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

    private static SpecificRecordBase decode(byte[] value) {
        if (value == null) {
            throw new PoisonEventException("not served: a record of article.published without a value");
        }
        try {
            return EventCatalog.standard().decode(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("not served: " + e.getMessage());
        }
    }

    /** The header as the binder maps it: the JWS's bytes from Kafka, or a string from the test binder. */
    public static Optional<String> signatureHeader(Message<?> message) {
        Object header = message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER);
        if (header instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
        }
        return Optional.ofNullable(header).map(Object::toString);
    }
}
