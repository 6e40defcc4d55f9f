package org.vetted.intake.app;

import org.vetted.intake.domain.articles.ArticleEvent;

/**
 * Article events in the contract's form: each record as it arrived from its topic (or as intake signed its own
 * draft), the bytes the registry keeps. Reading one back is the messaging adapter's, since the record format and its
 * signatures are the contract's: decoded, its topic owner's signature checked, mapped as a record from the topic is.
 */
public interface ArticleRecords {

    /**
     * The event a kept record holds.
     *
     * @throws RuntimeException saying why, when the bytes no longer decode or the signature does not hold
     */
    ArticleEvent read(byte[] record);
}
