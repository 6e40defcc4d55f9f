package org.vetted.review.app;

import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.library.LibraryEntry;

/**
 * What an event read back from Kafka comes to: a fact for the review board, a claims library record, or an unsigned
 * event to skip.
 */
public sealed interface Incoming permits Incoming.Fact, Incoming.Library, Incoming.Unsigned {

    /** A fact the board applies. */
    record Fact(ReviewEvent event) implements Incoming {}

    /** The latest record of a claims library entry (approved, or retired). */
    record Library(LibraryEntry entry) implements Incoming {}

    /**
     * An event without a valid signature of the service owning its topic (forged, altered, or from before
     * signatures): it is no fact, and the board never sees it.
     */
    record Unsigned(String type, String eventId, String articleId, String reason) implements Incoming {}
}
