package org.vetted.review.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the review API, with their limits. */
final class DecisionBodies {
    static final int MAX_COMMENT = 2000;
    static final int MAX_REFERENCE = 500;

    /** {@code POST /api/reviews/{articleId}/claims/{claimId}}. */
    record ClaimDecisionBody(
            @NotBlank @Pattern(regexp = "APPROVED|REJECTED", message = "must be APPROVED or REJECTED") String decision,
            @Size(max = MAX_COMMENT) String comment,
            @Size(max = MAX_REFERENCE) String reference,
            @Positive Integer revision) {
    }

    /** {@code POST /api/reviews/{articleId}/decision}. */
    record SignOffBody(
            @NotBlank @Pattern(regexp = "APPROVE|REQUEST_CHANGES|REJECT",
                    message = "must be APPROVE, REQUEST_CHANGES or REJECT") String decision,
            @Size(max = MAX_COMMENT) String comment,
            @Size(max = 100) String contentHash) {
    }

    /** Blank optional text is no text. */
    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private DecisionBodies() {
    }
}
