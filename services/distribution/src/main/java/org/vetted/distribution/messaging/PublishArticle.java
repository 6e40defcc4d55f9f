package org.vetted.distribution.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ApprovalVerdict;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.RenderedArticle;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;

/**
 * The {@code publishArticle} function: article.rendered in, article.published out, keyed by article id.
 * A rendering without review's signature on its approval or rendering's signature on itself, or whose approval does
 * not cover its source, is poison: dead-lettered, nothing published. What is published carries distribution's
 * signature ({@code ArticlePublished.seal}), without which {@code servePublished} makes no page of it.
 */
@Component("publishArticle")
public class PublishArticle implements Function<Message<ArticleRendered>, Message<ArticlePublished>> {
    private static final Logger log = LoggerFactory.getLogger(PublishArticle.class);

    private final ApprovalCheck approvalCheck;
    private final ArticlePublisher publisher;
    private final Clock clock;
    private final Signing signing;

    public PublishArticle(ApprovalCheck approvalCheck, ArticlePublisher publisher, Clock clock, Signatures signatures) {
        this.approvalCheck = approvalCheck;
        this.publisher = publisher;
        this.clock = clock;
        this.signing = new Signing(signatures);
    }

    @Override
    public Message<ArticlePublished> apply(Message<ArticleRendered> message) {
        return RecordGuard.process(() -> publish(message));
    }

    private Message<ArticlePublished> publish(Message<ArticleRendered> message) {
        ArticleRendered event = message.getPayload();
        Optional<String> unsealed = signing.refusal(event);
        if (unsealed.isPresent()) {
            log.warn("Refusing to publish article {} revision {} (event {}): {}", event.getArticleId(),
                    event.getRevision(), event.getEventId(), unsealed.get());
            throw new PoisonEventException("not published: " + unsealed.get());
        }
        RenderedArticle rendered = EventMapper.toDomain(event);
        ApprovalVerdict verdict = approvalCheck.check(rendered);
        if (verdict instanceof ApprovalVerdict.Rejected rejected) {
            log.warn("Refusing to publish article {} revision {} (event {}): {}", rendered.articleId(),
                    rendered.revision(), rendered.eventId(), rejected.reason());
            throw new PoisonEventException("not published: " + rejected.reason());
        }
        PublishedArticle published = publisher.publish(rendered, clock.instant());
        log.info("Publishing article {} revision {} at {}", published.articleId(), published.revision(),
                published.url());
        return MessageBuilder.withPayload(signing.sign(EventMapper.toEvent(published)))
                .setHeader(KafkaHeaders.KEY, published.articleId())
                .build();
    }
}
