package org.vetted.review.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.vetted.review.domain.library.ClaimLibrary;

/** Request bodies of the review API, with their limits. */
final class DecisionBodies {
    static final int MAX_COMMENT = 2000;
    static final int MAX_REFERENCE = 500;

    /**
     * {@code POST /api/reviews/{articleId}/claims/{claimId}}. {@code revision} is required: claim ids are stable
     * across revisions, so a decision must say which revision it was made on.
     */
    record ClaimDecisionBody(
            @NotBlank @Pattern(regexp = "APPROVED|REJECTED", message = "must be APPROVED or REJECTED")
            String decision,

            @Size(max = MAX_COMMENT) String comment,
            @Size(max = MAX_REFERENCE) String reference,

            @NotNull(message = "required: the revision the decision was made on") @Positive
            Integer revision) {}

    /**
     * {@code POST /api/reviews/{articleId}/decision}. {@code contentHash} is required for every decision (the domain
     * rule {@code signOffNamesTheTextReviewed} refuses without it, answered 400 naming the field).
     */
    record SignOffBody(
            @NotBlank
            @Pattern(regexp = "APPROVE|REQUEST_CHANGES|REJECT", message = "must be APPROVE, REQUEST_CHANGES or REJECT")
            String decision,

            @Size(max = MAX_COMMENT) String comment,
            @Size(max = 100) String contentHash,
            @Size(max = 40) String reviewBy) {
        /** Without a review-by date: the default interval. */
        SignOffBody(String decision, String comment, String contentHash) {
            this(decision, comment, contentHash, null);
        }
    }

    /** {@code POST /api/reviews/{articleId}/claims/{claimId}/accept-library}: the revision the reviewer saw. */
    record AcceptLibraryBody(
            @NotNull(message = "required: the revision the decision was made on") @Positive
            Integer revision) {}

    /** {@code POST /api/claims/{key}/retire}: why the entry no longer stands. */
    record RetireBody(
            @NotBlank(message = "required: why the entry is retired") @Size(max = ClaimLibrary.MAX_RETIRE_REASON)
            String reason) {}

    /** Blank optional text is no text. */
    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private DecisionBodies() {}
}
