package org.vetted.rendering.messaging;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.rendering.app.RenderApprovedArticle;
import org.vetted.rendering.domain.ApprovedArticle;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Outbound;
import org.vetted.support.stream.Refusal;

/**
 * The {@code renderArticle} function: article.approved in, article.rendered out, keyed by article id.
 * An approval without review's signatures, or that does not cover its text, is poison: it goes to the dead-letter
 * topic and nothing is rendered. What is rendered carries rendering's own signature ({@code renderSeal}) over every
 * field of the event (article id, revision, slug, title, summary, authors, tags, source, source hash, the exact HTML,
 * the approval with review's signature), so distribution can tell that what it publishes is what rendering produced
 * from the text review approved. The seal check and mapping are the shared inbound step, sealing and keying the
 * outbound one; the use case alone is this function's.
 */
@Component("renderArticle")
public class RenderArticle implements Function<Message<ArticleApproved>, Message<ArticleRendered>> {
    private static final Logger log = LoggerFactory.getLogger(RenderArticle.class);

    private final RenderApprovedArticle renderApproved;
    private final Inbound<ArticleApproved, ApprovedArticle> inbound;
    private final Outbound<ArticleApproved, RenderApprovedArticle.Rendered, ArticleRendered> outbound;

    public RenderArticle(RenderApprovedArticle renderApproved, Seals seals) {
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
    }

    @Override
    public Message<ArticleRendered> apply(Message<ArticleApproved> message) {
        return RecordGuard.process(() -> {
            Inbound.Verified<ArticleApproved, ApprovedArticle> approved = inbound.verify(message);
            RenderApprovedArticle.Outcome outcome = renderApproved.render(approved.domain());
            if (outcome instanceof RenderApprovedArticle.Refused refused) {
                throw inbound.refuse(approved, refused.reason());
            }
            Message<ArticleRendered> rendered =
                    outbound.message(approved.event(), (RenderApprovedArticle.Rendered) outcome);
            log.info(
                    "Rendered article {} revision {}",
                    rendered.getPayload().getArticleId(),
                    rendered.getPayload().getRevision());
            return rendered;
        });
    }
}
