package org.vetted.review.domain.gate;

import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Draft;

/** What a sign-off came to: an approval or a return to publish, a refusal, or a gate that blocks. */
public sealed interface SignOffOutcome permits SignOffOutcome.Approved, SignOffOutcome.Returned, Refused, Blocked {
    /** {@code draft} is the approved revision: its exact text is what the approval event carries. */
    record Approved(RevisionApproved event, Draft draft) implements SignOffOutcome {}

    record Returned(RevisionReturned event) implements SignOffOutcome {}
}
