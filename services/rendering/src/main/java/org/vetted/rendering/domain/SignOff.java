package org.vetted.rendering.domain;

import java.time.Instant;
import java.util.List;

/**
 * The medical approval an article rests on.
 *
 * @param revision       the revision the approval is for; null when the record names none
 * @param contentHash    the hash of the approved title, summary and body
 * @param reviewer       the reviewer who signed off
 * @param alsoReviewedBy the other reviewers whose claim approvals it rests on, in the order they are credited, each
 *                       once and never the signer (the contract's {@code MedicalCredits})
 */
public record SignOff(
        Integer revision, String contentHash, Reviewer reviewer, Instant approvedAt, List<Reviewer> alsoReviewedBy) {
    public SignOff {
        alsoReviewedBy = alsoReviewedBy == null ? List.of() : List.copyOf(alsoReviewedBy);
    }

    /** Signed off and approved by one reviewer alone. */
    public SignOff(Integer revision, String contentHash, Reviewer reviewer, Instant approvedAt) {
        this(revision, contentHash, reviewer, approvedAt, List.of());
    }

    /** A medical reviewer as named in the byline. */
    public record Reviewer(String displayName, String credential) {}
}
