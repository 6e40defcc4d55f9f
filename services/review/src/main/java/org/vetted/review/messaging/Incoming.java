package org.vetted.review.messaging;

import org.vetted.review.domain.ReviewEvent;

/** What an event read back from Kafka comes to: a fact for the review board, or an approval to skip. */
public sealed interface Incoming permits Incoming.Fact, Incoming.UnsealedApproval {

    /** A fact the board applies. */
    record Fact(ReviewEvent event) implements Incoming {
    }

    /**
     * An ArticleApproved whose seal does not verify with this service's key (forged, altered, or unsealed from
     * before v2): it is not an approval, and the board never sees it.
     */
    record UnsealedApproval(String eventId, String articleId, int revision) implements Incoming {
    }
}
