package org.vetted.review.app;

import org.vetted.review.domain.board.ReviewEvent.ArticleWithdrawn;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.ReviewStatusChanged;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.library.LibraryEntry;

/**
 * Review's events in the contract's form: signed by review and encoded, as they are published and as a store keeps
 * them. The use cases and the store handle only these bytes; the Avro mapping and the signatures behind them are the
 * messaging adapter's.
 */
public interface SignedRecords {

    byte[] signed(ClaimDecided decided);

    /** The approval carries exactly the approved revision's text, hence the draft. */
    byte[] signed(RevisionApproved approved, Draft draft);

    byte[] signed(RevisionReturned returned);

    byte[] signed(LibraryEntry entry);

    byte[] signed(ArticleWithdrawn withdrawn);

    byte[] signed(ReviewStatusChanged changed);

    /**
     * A kept record read back, verified as one read from Kafka is (its owner's signature, a draft's content hash):
     * whoever can write the database must not be able to write the board.
     *
     * @throws RuntimeException when the bytes are no event review consumes, or a signed draft does not hash
     */
    Incoming read(byte[] record);
}
