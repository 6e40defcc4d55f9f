package org.vetted.distribution.app;

import java.time.Instant;
import java.util.function.Function;

/**
 * Renderings held until their embargo ({@code publishAt}): kept durably (they survive restarts), each released by
 * exactly one instance when due. A port: the service keeps them in PostgreSQL ({@code JdbcEmbargoes}), as the
 * rendering's signed record, which the releasing edge verifies again before anything goes public.
 */
public interface Embargoes {

    /** A held rendering: the signed record as it arrived. */
    record Held(String eventId, String articleId, Instant publishAt, byte[] rendering) {}

    /** What became of a due rendering. */
    enum Release {
        /** Published now. */
        PUBLISHED,
        /** Not published, for good (withdrawn, no longer approved, or no longer verifiable): see the reason. */
        CANCELLED,
        /** Left for a later attempt (the sending failed). */
        LATER
    }

    /** The decision on one due rendering, with why when it was cancelled. */
    record Decision(Release release, String reason) {
        public static Decision published() {
            return new Decision(Release.PUBLISHED, null);
        }

        public static Decision cancelled(String reason) {
            return new Decision(Release.CANCELLED, reason);
        }

        public static Decision later(String reason) {
            return new Decision(Release.LATER, reason);
        }
    }

    /** Holds a rendering until {@code publishAt}; false when this event was held before (a redelivery). */
    boolean hold(Held held);

    /**
     * Decides every held rendering due at {@code now} (at most {@code limit}, the earliest first) with
     * {@code release}, each while it is locked for this caller alone: another instance skips it (it is neither
     * waited for nor released twice), and the decision is recorded in the same transaction.
     *
     * @return how many were decided (published or cancelled)
     */
    int releaseDue(Instant now, int limit, Function<Held, Decision> release);

    /**
     * Whether a rendering of the article is held and not yet decided: while it is, nothing about the article may go
     * public. Read as stored, unverified: a row forged to say so can only keep something back, never publish it.
     */
    boolean holds(String articleId);

    /** Where a held rendering stands ({@code PENDING}, {@code PUBLISHED} or {@code CANCELLED}), if held at all. */
    java.util.Optional<String> state(String eventId);
}
