package org.vetted.distribution.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.distribution.domain.PageStore;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.events.ArticlePublished;

/**
 * The {@code servePublished} consumer: feeds the page store from the committed article.published topic, replayed
 * from the start at boot, so pages and feed show exactly what was published.
 */
@Component("servePublished")
public class ServePublished implements Consumer<Message<ArticlePublished>> {
    private static final Logger log = LoggerFactory.getLogger(ServePublished.class);

    private final PageStore pages;

    public ServePublished(PageStore pages) {
        this.pages = pages;
    }

    @Override
    public void accept(Message<ArticlePublished> message) {
        PublishedArticle article = EventMapper.toDomain(message.getPayload());
        PageStore.Outcome outcome = pages.apply(article);
        if (outcome == PageStore.Outcome.SLUG_TAKEN) {
            log.warn("Not serving article {} revision {} (event {}): its slug '{}' belongs to another article",
                    article.articleId(), article.revision(), article.eventId(), article.slug());
            return;
        }
        log.debug("Article {} revision {} (event {}): {}", article.articleId(), article.revision(),
                article.eventId(), outcome);
    }
}
