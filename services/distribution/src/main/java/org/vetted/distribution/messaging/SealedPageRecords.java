package org.vetted.distribution.messaging;

import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.EventDeserializer;
import org.vetted.contract.EventSerializer;
import org.vetted.contract.Topics;
import org.vetted.distribution.app.PageRecords;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.ArticleWithdrawn;
import org.vetted.support.signing.Seals;

/**
 * Pages and withdrawals kept as the records they came from ({@code ArticlePublished}, {@code ArticleCorrected}, {@code ArticleRetracted},
 * {@code ArticleUnpublished}, and review's {@code ArticleWithdrawn} for the publication gate), in the topic's encoding, and read back only
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
    public byte[] encode(WithdrawnArticle withdrawal) {
        return serializer.serialize(Topics.PUBLISHED, EventMapper.toEvent(withdrawal));
    }

    @Override
    public byte[] encode(ReReviewNotice notice) {
        return serializer.serialize(Topics.PUBLISHED, EventMapper.toEvent(notice));
    }

    @Override
    public byte[] encode(Withdrawal decision) {
        return serializer.serialize(Topics.WITHDRAWN, EventMapper.toEvent(decision));
    }

    @Override
    public Read decode(byte[] stored) {
        Object event;
        try {
            event = deserializer.deserialize(Topics.PUBLISHED, stored);
        } catch (RuntimeException undecodable) {
            return new Refused("it does not decode as a record of " + Topics.PUBLISHED);
        }
        if (event instanceof ArticlePublished published) {
            return checked(published, () -> new Sealed(EventMapper.toDomain(published)));
        }
        if (event instanceof ArticleCorrected corrected) {
            return checked(corrected, () -> new Sealed(EventMapper.toDomain(corrected)));
        }
        if (event instanceof ArticleRetracted retracted) {
            return checked(retracted, () -> new SealedWithdrawal(EventMapper.toDomain(retracted)));
        }
        if (event instanceof ArticleUnpublished unpublished) {
            return checked(unpublished, () -> new SealedWithdrawal(EventMapper.toDomain(unpublished)));
        }
        if (event instanceof ArticleReviewDue due) {
            return checked(due, () -> new SealedReReview(EventMapper.toDomain(due)));
        }
        if (event instanceof ArticleReviewExpired expired) {
            return checked(expired, () -> new SealedReReview(EventMapper.toDomain(expired)));
        }
        return new Refused("it is no record of " + Topics.PUBLISHED);
    }

    @Override
    public Read decodeDecision(byte[] stored) {
        Object event;
        try {
            event = deserializer.deserialize(Topics.WITHDRAWN, stored);
        } catch (RuntimeException undecodable) {
            return new Refused("it does not decode as ArticleWithdrawn");
        }
        if (event instanceof ArticleWithdrawn withdrawn) {
            return checked(withdrawn, () -> new Decision(EventMapper.toDomain(withdrawn)));
        }
        return new Refused("it is no ArticleWithdrawn");
    }

    private Read checked(SpecificRecordBase event, Supplier<Read> read) {
        return seals.problem(event).<Read>map(Refused::new).orElseGet(read);
    }
}
