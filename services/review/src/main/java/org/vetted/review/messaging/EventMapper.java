package org.vetted.review.messaging;

import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewReturned;
import org.vetted.review.app.Incoming;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.library.LibraryEntry;

/**
 * Avro events of the contract to and from the review domain; the generated classes go no further than the adapters.
 * Reading is three steps, in this order: the signature ({@link SignatureCheck}), a draft's hash
 * ({@link DraftHashCheck}), then the mapping ({@link IncomingMapping}). Writing maps and signs
 * ({@link OutgoingMapping}).
 */
public final class EventMapper {
    private final SignatureCheck signatures;
    private final OutgoingMapping outgoing;

    /**
     * @param signatures signs every event this service publishes with review's key, and verifies every event it
     *                   reads back with the key of the service owning its topic
     */
    public EventMapper(Signatures signatures) {
        this.signatures = new SignatureCheck(signatures);
        this.outgoing = new OutgoingMapping(signatures);
    }

    /**
     * What an incoming event states: a fact for the board, or an event without a valid signature of the service
     * owning its topic (a draft not signed by intake, a decision or approval not signed by review). Such an event is
     * not thrown as poison: trackReview replays from the start at every boot, so it would be dead-lettered again at
     * each restart; the caller skips it (rendering and distribution refuse unsigned approvals too).
     *
     * Rows read back from review's own store go through here too: whoever can write the database must not be able
     * to write the board.
     *
     * @throws PoisonEventException for an event of another kind, or a signed draft whose fields do not hash to its
     *                              contentHash
     */
    public Incoming toDomain(Object payload) {
        if (!(payload instanceof SpecificRecordBase event)
                || !(payload instanceof DraftSubmitted
                        || payload instanceof ClaimReviewed
                        || payload instanceof ArticleApproved
                        || payload instanceof ReviewReturned
                        || payload instanceof org.vetted.events.ArticleWithdrawn
                        || payload instanceof org.vetted.events.ArticleReviewStatus
                        || payload instanceof ClaimLibraryEntry)) {
            throw new PoisonEventException("review does not consume "
                    + (payload == null ? "null" : payload.getClass().getName()));
        }
        var unsigned = signatures.unsigned(event);
        if (unsigned.isPresent()) {
            return unsigned.get();
        }
        if (payload instanceof DraftSubmitted draft) {
            DraftHashCheck.check(draft);
        }
        return IncomingMapping.toDomain(payload);
    }

    public ClaimReviewed toEvent(ClaimDecided decided) {
        return outgoing.toEvent(decided);
    }

    /** The approval event carries exactly the approved revision's text; review signs the approval, then the event. */
    public ArticleApproved toEvent(RevisionApproved approved, Draft draft) {
        return outgoing.toEvent(approved, draft);
    }

    public ReviewReturned toEvent(RevisionReturned returned) {
        return outgoing.toEvent(returned);
    }

    public org.vetted.events.ArticleWithdrawn toEvent(ReviewEvent.ArticleWithdrawn withdrawn) {
        return outgoing.toEvent(withdrawn);
    }

    public org.vetted.events.ArticleReviewStatus toEvent(ReviewEvent.ReviewStatusChanged changed) {
        return outgoing.toEvent(changed);
    }

    /** A library entry as review publishes it on claims.library, signed. */
    public ClaimLibraryEntry toEvent(LibraryEntry entry) {
        return outgoing.toEvent(entry);
    }
}
