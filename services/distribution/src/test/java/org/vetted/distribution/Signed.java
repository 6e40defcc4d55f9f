package org.vetted.distribution;

import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.distribution.messaging.EventMapper;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleUnpublished;

/** Publications as {@code servePublished} takes them from the public topic: signed with distribution's demo key. */
public final class Signed {
    public static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    public static PublishedArticle publication(PublishedArticle article) {
        SpecificRecordBase signed = DISTRIBUTION.sign(EventMapper.toEvent(article));
        return signed instanceof ArticleCorrected corrected
                ? EventMapper.toDomain(corrected)
                : EventMapper.toDomain((ArticlePublished) signed);
    }

    public static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);

    /** A withdrawal as {@code servePublished} takes it from the public topic. */
    public static WithdrawnArticle withdrawal(WithdrawnArticle withdrawal) {
        SpecificRecordBase event = DISTRIBUTION.sign(EventMapper.toEvent(withdrawal));
        return event instanceof ArticleRetracted retracted
                ? EventMapper.toDomain(retracted)
                : EventMapper.toDomain((ArticleUnpublished) event);
    }

    /** Review's decision as {@code withdrawArticle} takes it from article.withdrawn. */
    public static Withdrawal decision(Withdrawal decision) {
        return EventMapper.toDomain(REVIEW.sign(EventMapper.toEvent(decision)));
    }

    private Signed() {}
}
