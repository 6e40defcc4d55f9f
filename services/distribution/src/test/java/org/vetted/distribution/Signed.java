package org.vetted.distribution;

import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.messaging.EventMapper;

/** Publications as {@code servePublished} takes them from the public topic: signed with distribution's demo key. */
public final class Signed {
    public static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    public static PublishedArticle publication(PublishedArticle article) {
        return EventMapper.toDomain(DISTRIBUTION.sign(EventMapper.toEvent(article)));
    }

    private Signed() {}
}
