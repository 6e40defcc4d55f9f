package org.vetted.intake.app;

import java.time.Instant;
import org.vetted.intake.domain.drafts.Draft;

/**
 * Publishes an accepted draft's DraftSubmitted, signed by intake, keyed by its article, and says whether the event
 * is on the topic: the submission decides from the answer whether the draft's number and slug may be handed out
 * again.
 */
public interface DraftPublisher {

    Publication publish(Draft draft, String eventId, Instant submittedAt);

    /** What became of one publish. */
    sealed interface Publication {
        /** The event is committed; {@code record}: it as sent, signed and encoded, for the registry to keep. */
        record Committed(byte[] record) implements Publication {}

        /** The event certainly did not commit: nothing was published. */
        record NotSent() implements Publication {}

        /** The send failed in a way where the broker may still have committed the event (a timeout). */
        record Unknown() implements Publication {}

        /** The event, encoded, is larger than intake publishes: it was not sent. */
        record TooLarge(int eventBytes, int maxEventBytes) implements Publication {}
    }
}
