package org.vetted.distribution.messaging;

import org.vetted.contract.EventDeserializer;
import org.vetted.contract.EventSerializer;
import org.vetted.contract.Topics;
import org.vetted.distribution.app.PageRecords;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.events.ArticlePublished;
import org.vetted.support.signing.Seals;

/**
 * Pages kept as the {@code ArticlePublished} records they came from, in the topic's encoding, and read back only
 * while distribution's seal still holds: the same check {@code servePublished} admits records from the topic with.
 */
public final class SealedPageRecords implements PageRecords {
    private final Seals seals;
    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    /** @param seals the trusted keys {@code servePublished} checks publications with */
    public SealedPageRecords(Seals seals) {
        this.seals = seals;
    }

    @Override
    public byte[] encode(PublishedArticle article) {
        return serializer.serialize(Topics.PUBLISHED, EventMapper.toEvent(article));
    }

    @Override
    public Read decode(byte[] stored) {
        ArticlePublished event;
        try {
            event = (ArticlePublished) deserializer.deserialize(Topics.PUBLISHED, stored);
        } catch (RuntimeException undecodable) {
            return new Refused("it does not decode as ArticlePublished");
        }
        return seals.problem(event).<Read>map(Refused::new).orElseGet(() -> new Sealed(EventMapper.toDomain(event)));
    }
}
