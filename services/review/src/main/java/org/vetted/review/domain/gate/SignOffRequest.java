package org.vetted.review.domain.gate;

import org.vetted.review.domain.draft.ReviewerText;
import org.vetted.review.domain.staff.Actor;

/**
 * A reviewer's sign-off of the current revision. {@code contentHash} is the hash of the text the reviewer read (null
 * when not given, which the default rules refuse); {@code comment} may be null, and is kept in {@link ReviewerText}'s
 * normal form.
 */
public record SignOffRequest(Actor actor, SignOffDecision decision, String comment, String contentHash) {
    public SignOffRequest {
        comment = ReviewerText.normal(comment);
    }
}
