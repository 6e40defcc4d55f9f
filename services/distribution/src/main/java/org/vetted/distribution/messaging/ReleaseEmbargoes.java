package org.vetted.distribution.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.vetted.contract.EventCatalog;
import org.vetted.distribution.app.Embargoes;
import org.vetted.distribution.app.PublishRenderedArticle;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.events.ArticleRendered;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Outbound;

/**
 * Publishes held renderings when their embargo is due, by the injected clock: each is read back from the store,
 * verified again (rendering's and review's signatures), and decided again at that time by
 * {@link PublishRenderedArticle#release}, so a retraction or takedown recorded meanwhile stops it, and so does a
 * claims-library entry it relies on having been retired. What goes public is the
 * same signed, typed record {@code publishArticle} would have written, sent before the row is marked published in
 * the same database transaction: a failed send leaves it for the next round, and a send whose commit then fails is
 * sent again with the same event id (which every reader deduplicates).
 */
public final class ReleaseEmbargoes {
    private static final Logger log = LoggerFactory.getLogger(ReleaseEmbargoes.class);
    /** At most this many per round: one transaction holds their locks. */
    static final int BATCH = 20;

    private final Embargoes embargoes;
    private final PublishRenderedArticle publishRendered;
    private final Seals seals;
    private final Clock clock;
    private final Predicate<Message<byte[]>> send;
    private final Outbound<Object, PublishedArticle, SpecificRecordBase> outbound;

    /** @param send sends a record to article.published and says whether it was written */
    public ReleaseEmbargoes(
            Embargoes embargoes,
            PublishRenderedArticle publishRendered,
            Seals seals,
            Clock clock,
            Predicate<Message<byte[]>> send) {
        this.embargoes = embargoes;
        this.publishRendered = publishRendered;
        this.seals = seals;
        this.clock = clock;
        this.send = send;
        this.outbound = Outbound.of(seals, EventMapper::toEvent, event -> (String) event.get("articleId"));
    }

    /** One round: every held rendering due now, decided. Returns how many were published or cancelled. */
    public int releaseDue() {
        return embargoes.releaseDue(clock.instant(), BATCH, this::release);
    }

    private Embargoes.Decision release(Embargoes.Held held) {
        ArticleRendered event;
        try {
            event = (ArticleRendered) EventCatalog.standard().decode(held.rendering());
        } catch (RuntimeException e) {
            return cancelled(held, "the held rendering does not decode: " + e.getMessage());
        }
        Optional<String> problem = seals.problem(event);
        if (problem.isPresent()) {
            return cancelled(held, "the held rendering is not what rendering signed: " + problem.get());
        }
        if (!event.getEventId().equals(held.eventId()) || !event.getArticleId().equals(held.articleId())) {
            return cancelled(held, "the held rendering is another event than its row's");
        }
        PublishRenderedArticle.Outcome outcome = publishRendered.release(EventMapper.toDomain(event));
        if (outcome instanceof PublishRenderedArticle.Refused refused) {
            return cancelled(held, refused.reason());
        }
        if (outcome instanceof PublishRenderedArticle.Held later) {
            return Embargoes.Decision.later("due at " + later.publishAt());
        }
        PublishedArticle published = ((PublishRenderedArticle.Published) outcome).article();
        if (!send.test(PublicRecords.typed(outbound.signedBytes(event, published)))) {
            log.warn("Article {} is due but could not be published yet; trying again", held.articleId());
            return Embargoes.Decision.later("not sent");
        }
        log.info(
                "Published article {} revision {} at its embargo {}",
                published.articleId(),
                published.revision(),
                held.publishAt());
        return Embargoes.Decision.published();
    }

    private static Embargoes.Decision cancelled(Embargoes.Held held, String reason) {
        log.warn("Not publishing article {} at its embargo {}: {}", held.articleId(), held.publishAt(), reason);
        return Embargoes.Decision.cancelled(reason);
    }
}
