package org.vetted.intake.messaging;

import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.Signatures;
import org.vetted.intake.app.ArticleRecords;
import org.vetted.intake.domain.articles.ArticleEvent;

/**
 * {@link ArticleRecords} by the contract: a kept record decoded, checked with the keys {@code trackArticle} trusts
 * and mapped as {@code trackArticle} maps a record from the topics, so whoever can write intake's database cannot
 * write its view.
 */
public final class SignedArticleRecords implements ArticleRecords {
    private final Signatures signatures;
    private final EventCatalog catalog = EventCatalog.standard();

    public SignedArticleRecords(Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public ArticleEvent read(byte[] record) {
        SpecificRecordBase event = catalog.decode(record);
        signatures.problem(event).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return EventMapper.toArticleEvent(event);
    }
}
