package org.vetted.distribution.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.Embargoes;
import org.vetted.distribution.app.PublishRenderedArticle;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.RenderedArticle;
import org.vetted.events.ArticleRendered;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Outbound;
import org.vetted.support.stream.Refusal;

/**
 * The {@code publishArticle} function: article.rendered in, article.published out, keyed by article id.
 * A rendering without review's signature on its approval or rendering's signature on itself, or whose approval does
 * not cover its source, is poison: dead-lettered, nothing published. What is published carries distribution's
 * signature ({@code ArticlePublished.seal}), without which {@code servePublished} makes no page of it, and is sent as
 * the encoded bytes with distribution's signature over exactly those bytes in the {@code vetted-signature} header, which
 * a downstream site checks with any JOSE library before decoding. The seal check and mapping are the shared inbound
 * step, sealing, encoding, signing and keying the outbound one; the use case alone is this function's.
 */
@Component("publishArticle")
public class PublishArticle implements Function<Message<ArticleRendered>, Message<byte[]>> {
    private static final Logger log = LoggerFactory.getLogger(PublishArticle.class);

    private final PublishRenderedArticle publishRendered;
    private final Inbound<ArticleRendered, RenderedArticle> inbound;
    private final Outbound<Object, PublishedArticle, SpecificRecordBase> outbound;

    private final Timer lag;
    private final Embargoes embargoes;

    public PublishArticle(
            PublishRenderedArticle publishRendered, Seals seals, MeterRegistry meters, Embargoes embargoes) {
        this.publishRendered = publishRendered;
        this.embargoes = embargoes;
        this.lag = Timer.builder("vetted.publication.lag")
                .description("from the medical approval to the article's publication")
                .register(meters);
        this.inbound = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleRendered>(
                        log,
                        "Refusing to publish",
                        "not published",
                        rendered -> "article " + rendered.getArticleId() + " revision " + rendered.getRevision()
                                + " (event " + rendered.getEventId() + ")"));
        this.outbound = Outbound.of(seals, EventMapper::toEvent, event -> (String) event.get("articleId"));
    }

    @Override
    public Message<byte[]> apply(Message<ArticleRendered> message) {
        return RecordGuard.process(() -> {
            Inbound.Verified<ArticleRendered, RenderedArticle> rendered = inbound.verify(message);
            PublishRenderedArticle.Outcome outcome = publishRendered.publish(rendered.domain());
            if (outcome instanceof PublishRenderedArticle.Refused refused) {
                throw inbound.refuse(rendered, refused.reason());
            }
            if (outcome instanceof PublishRenderedArticle.Held held) {
                // Kept as rendering signed it; ReleaseEmbargoes verifies and decides it again when it is due.
                boolean first = embargoes.hold(new Embargoes.Held(
                        rendered.event().getEventId(),
                        rendered.domain().articleId(),
                        held.publishAt(),
                        EventCatalog.standard().encode(rendered.event())));
                log.info(
                        "Holding article {} revision {} until {}{}",
                        rendered.domain().articleId(),
                        rendered.domain().revision(),
                        held.publishAt(),
                        first ? "" : " (held before)");
                return null;
            }
            PublishedArticle published = ((PublishRenderedArticle.Published) outcome).article();
            if (published.medicallyReviewedAt() != null
                    && !published.publishedAt().isBefore(published.medicallyReviewedAt())) {
                lag.record(Duration.between(published.medicallyReviewedAt(), published.publishedAt()));
            }
            log.info(
                    "Publishing article {} revision {} at {}",
                    published.articleId(),
                    published.revision(),
                    published.url());
            return PublicRecords.typed(outbound.signedBytes(rendered.event(), published));
        });
    }
}
