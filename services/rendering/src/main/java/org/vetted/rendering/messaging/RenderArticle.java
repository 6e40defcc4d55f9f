package org.vetted.rendering.messaging;

import java.time.Clock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.contract.Seals;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.RenderResult;

/**
 * The {@code renderArticle} function: article.approved in, article.rendered out, keyed by article id.
 * An approval without review's seal, or that does not cover its text, is poison: it goes to the dead-letter topic
 * and nothing is rendered. What is rendered carries rendering's own seal ({@link Seals#rendering}) over every field
 * distribution publishes from it (article id, revision, slug, title, summary, authors, tags, source, source hash,
 * the exact HTML) and the approval's seal, so distribution can tell that what it publishes is what rendering produced
 * from the text review approved.
 */
@Component("renderArticle")
public class RenderArticle implements Function<Message<ArticleApproved>, Message<ArticleRendered>> {
    private static final Logger log = LoggerFactory.getLogger(RenderArticle.class);

    private final ArticleRenderer renderer;
    private final Clock clock;
    private final Seals seals;
    private final ApprovalSeal approvalSeal;

    public RenderArticle(ArticleRenderer renderer, Clock clock, Seals seals) {
        this.renderer = renderer;
        this.clock = clock;
        this.seals = seals;
        this.approvalSeal = new ApprovalSeal(seals);
    }

    @Override
    public Message<ArticleRendered> apply(Message<ArticleApproved> message) {
        return RecordGuard.process(() -> render(message));
    }

    private Message<ArticleRendered> render(Message<ArticleApproved> message) {
        ArticleApproved approved = message.getPayload();
        if (!approvalSeal.isSealed(approved)) {
            log.warn("Refusing to render article {} (event {}): {}",
                    approved.getArticleId(), approved.getEventId(), ApprovalSeal.NOT_SEALED);
            throw new PoisonEventException("not rendered: " + ApprovalSeal.NOT_SEALED);
        }
        RenderResult result = renderer.render(ApprovedArticleMapper.toDomain(approved));
        if (result instanceof RenderResult.Refused refused) {
            log.warn("Refusing to render article {} (event {}): {}",
                    approved.getArticleId(), approved.getEventId(), refused.reason());
            throw new PoisonEventException("not rendered: " + refused.reason());
        }
        RenderResult.Rendered rendered = (RenderResult.Rendered) result;
        ArticleRendered event = ApprovedArticleMapper.toRendered(approved, rendered, clock.instant());
        event.setRenderSeal(seals.rendering(event));
        log.info("Rendered article {} revision {}", event.getArticleId(), event.getRevision());
        return MessageBuilder.withPayload(event)
                .setHeader(KafkaHeaders.KEY, event.getArticleId())
                .build();
    }
}
