package org.vetted.rendering.messaging;

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
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.RenderResult;

/**
 * The {@code renderArticle} function: article.approved in, article.rendered out, keyed by article id.
 * An approval without review's signatures, or that does not cover its text, is poison: it goes to the dead-letter
 * topic and nothing is rendered. What is rendered carries rendering's own signature ({@code renderSeal}) over every
 * field of the event (article id, revision, slug, title, summary, authors, tags, source, source hash, the exact HTML,
 * the approval with review's signature), so distribution can tell that what it publishes is what rendering produced
 * from the text review approved.
 */
@Component("renderArticle")
public class RenderArticle implements Function<Message<ArticleApproved>, Message<ArticleRendered>> {
    private static final Logger log = LoggerFactory.getLogger(RenderArticle.class);

    private final ArticleRenderer renderer;
    private final Clock clock;
    private final Signatures signatures;
    private final ApprovalSignatures approvals;

    public RenderArticle(ArticleRenderer renderer, Clock clock, Signatures signatures) {
        this.renderer = renderer;
        this.clock = clock;
        this.signatures = signatures;
        this.approvals = new ApprovalSignatures(signatures);
    }

    @Override
    public Message<ArticleRendered> apply(Message<ArticleApproved> message) {
        return RecordGuard.process(() -> render(message));
    }

    private Message<ArticleRendered> render(Message<ArticleApproved> message) {
        ArticleApproved approved = message.getPayload();
        Optional<String> untrusted = approvals.refusal(approved);
        if (untrusted.isPresent()) {
            log.warn("Refusing to render article {} (event {}): {}",
                    approved.getArticleId(), approved.getEventId(), untrusted.get());
            throw new PoisonEventException("not rendered: " + untrusted.get());
        }
        RenderResult result = renderer.render(ApprovedArticleMapper.toDomain(approved));
        if (result instanceof RenderResult.Refused refused) {
            log.warn("Refusing to render article {} (event {}): {}",
                    approved.getArticleId(), approved.getEventId(), refused.reason());
            throw new PoisonEventException("not rendered: " + refused.reason());
        }
        RenderResult.Rendered rendered = (RenderResult.Rendered) result;
        ArticleRendered event = ApprovedArticleMapper.toRendered(approved, rendered, clock.instant());
        signatures.sign(event);
        log.info("Rendered article {} revision {}", event.getArticleId(), event.getRevision());
        return MessageBuilder.withPayload(event)
                .setHeader(KafkaHeaders.KEY, event.getArticleId())
                .build();
    }
}
