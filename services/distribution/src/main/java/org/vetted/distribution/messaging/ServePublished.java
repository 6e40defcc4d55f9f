package org.vetted.distribution.messaging;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
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
 */
@Component("servePublished")
public class ServePublished implements Consumer<Message<SpecificRecordBase>> {
    private static final Logger log = LoggerFactory.getLogger(ServePublished.class);

    private final PageStore pages;
    private final Inbound<ArticlePublished, PublishedArticle> inbound;
    private final SharedProjection projection;
    private final Inbound<ArticleRetracted, WithdrawnArticle> retractions;
    private final Inbound<ArticleUnpublished, WithdrawnArticle> takedowns;

    public ServePublished(PageStore pages, Seals seals, SharedProjection projection) {
        this.pages = pages;
        this.inbound = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticlePublished>(
                        log,
                        "Not serving",
                        null,
                        published -> "article " + published.getArticleId() + " revision " + published.getRevision()
                                + " (event " + published.getEventId() + ")"));
        this.projection = projection;
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
    }

    /** The public topic holds several record types (distribution's alone); one this version does not know is skipped. */
    @Override
    @SuppressWarnings("unchecked")
    public void accept(Message<SpecificRecordBase> message) {
        RecordGuard.run(() -> projection.apply(message, () -> {
            Object payload = message.getPayload();
            if (payload instanceof ArticlePublished) {
                serve((Message<ArticlePublished>) (Message<?>) message);
            } else if (payload instanceof ArticleRetracted) {
                retractions
                        .verifyOrSkip((Message<ArticleRetracted>) (Message<?>) message)
                        .ifPresent(verified -> withdraw(verified.domain()));
            } else if (payload instanceof ArticleUnpublished) {
                takedowns
                        .verifyOrSkip((Message<ArticleUnpublished>) (Message<?>) message)
                        .ifPresent(verified -> withdraw(verified.domain()));
            } else {
                log.warn(
                        "Skipping a record of type {} on the public topic",
                        payload == null ? "null" : payload.getClass().getSimpleName());
            }
        }));
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

    private void serve(Message<ArticlePublished> message) {
        Optional<Inbound.Verified<ArticlePublished, PublishedArticle>> sealed = inbound.verifyOrSkip(message);
        if (sealed.isEmpty()) {
            return;
        }
        PublishedArticle article = sealed.get().domain();
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
}
