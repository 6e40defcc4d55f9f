package org.vetted.distribution.messaging;

import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.events.ArticlePublished;
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
public class ServePublished implements Consumer<Message<ArticlePublished>> {
    private static final Logger log = LoggerFactory.getLogger(ServePublished.class);

    private final PageStore pages;
    private final Inbound<ArticlePublished, PublishedArticle> inbound;
    private final SharedProjection projection;

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
    }

    @Override
    public void accept(Message<ArticlePublished> message) {
        RecordGuard.run(() -> projection.apply(message, () -> serve(message)));
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
