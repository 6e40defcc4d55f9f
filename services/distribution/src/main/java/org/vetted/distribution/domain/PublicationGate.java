package org.vetted.distribution.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a withdrawal does to publication. Withdrawn is final for an article id: no rendering of a withdrawn article is
 * published, whenever it was approved (one still on its way when the article was withdrawn, or a later revision).
 * Anything else would let a retracted text come back under the same id without anyone deciding that; an article that
 * should be public again is submitted as a new article. Of two decisions on one article, only one that goes further
 * (a takedown after a retraction) changes anything; the same decision read again is made public again as the same
 * event (its id is derived), so a redelivery is harmless.
 */
public final class PublicationGate {
    private PublicationGate() {}

    /** Why a rendering of the article may not be published, or empty when it may. */
    public static Optional<String> refusal(Optional<Withdrawal> withdrawn) {
        return withdrawn.map(withdrawal -> "article " + withdrawal.articleId() + " was "
                + withdrawal.kind().name().toLowerCase(Locale.ROOT) + " on " + withdrawal.decidedAt()
                + " by " + withdrawal.decidedBy().username() + "; withdrawn is final for an article id");
    }

    /** What to do with a decision, given the one already recorded for the article (if any). */
    public enum Next {
        /** Record it and make it public. */
        PUBLISH,
        /** The very decision recorded: make it public again (same event id). */
        REPEAT,
        /** A decision that does not go further than the recorded one: nothing changes. */
        IGNORE
    }

    public static Next next(Optional<Withdrawal> recorded, Withdrawal incoming) {
        if (recorded.isEmpty()) {
            return Next.PUBLISH;
        }
        if (recorded.get().eventId().equals(incoming.eventId())) {
            return Next.REPEAT;
        }
        return incoming.kind().escalates(recorded.get().kind()) ? Next.PUBLISH : Next.IGNORE;
    }
}
