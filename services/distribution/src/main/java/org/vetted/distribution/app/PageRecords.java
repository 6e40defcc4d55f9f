package org.vetted.distribution.app;

import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawnArticle;

/**
 * The form a page is kept in: the signed publication it came from, so the store needs no trust of its own in the
 * database. A port, because the record format and its seal are the event contract's, which only the messaging edge
 * speaks.
 */
public interface PageRecords {

    /** The publication with the seal it was read with, as bytes to store. */
    byte[] encode(PublishedArticle article);

    /** The withdrawal with the seal it was read with, as bytes to store. */
    byte[] encode(WithdrawnArticle withdrawal);

    /** The re-review notice with the seal it was read with, as bytes to store. */
    byte[] encode(ReReviewNotice notice);

    /** Review's decision with review's signature, as bytes to store (the publication gate's record). */
    byte[] encode(Withdrawal decision);

    /** The publication or withdrawal a stored record holds, or why it is not one distribution sealed. */
    Read decode(byte[] stored);

    /** Review's decision a stored record holds, or why it is not one review signed. */
    Read decodeDecision(byte[] stored);

    /** What a stored record turned out to be. */
    sealed interface Read permits Sealed, SealedWithdrawal, SealedReReview, Decision, Refused {}

    record Sealed(PublishedArticle article) implements Read {}

    record SealedWithdrawal(WithdrawnArticle withdrawal) implements Read {}

    record SealedReReview(ReReviewNotice notice) implements Read {}

    /** A decision of review's whose signature holds. */
    record Decision(Withdrawal decision) implements Read {}

    record Refused(String reason) implements Read {}
}
