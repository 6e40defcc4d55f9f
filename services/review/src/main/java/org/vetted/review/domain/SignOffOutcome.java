package org.vetted.review.domain;

import org.vetted.review.domain.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.ReviewEvent.RevisionReturned;

/** What a sign-off came to: an approval or a return to publish, a refusal, or a gate that blocks. */
public sealed interface SignOffOutcome permits SignOffOutcome.Approved, SignOffOutcome.Returned, Refused, Blocked {
    /** {@code draft} is the approved revision: its exact text is what the approval event carries. */
    record Approved(RevisionApproved event, Draft draft) implements SignOffOutcome {
    }

    record Returned(RevisionReturned event) implements SignOffOutcome {
    }
}
