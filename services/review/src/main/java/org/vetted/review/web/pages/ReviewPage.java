package org.vetted.review.web.pages;

import java.util.List;

import org.vetted.review.domain.Actor;
import org.vetted.review.domain.ArticleReview;
import org.vetted.review.domain.Claim;
import org.vetted.review.domain.ClaimDecision;
import org.vetted.review.domain.Draft;

/**
 * What the review page shows: everything that goes live (and so everything the content hash covers), each claim with
 * its decision, and what this reviewer may do. {@code readOnly}: the reviewer is credited on the article, or it is
 * no longer open, or the account may only read (an editor).
 */
record ReviewPage(Draft draft, String status, List<ClaimRow> claims, boolean own, boolean readOnly,
                  boolean everyClaimApproved) {

    record ClaimRow(Claim claim, ClaimDecision decision) {
    }

    static ReviewPage of(ArticleReview review, Actor actor) {
        Draft draft = review.draft();
        List<ClaimRow> rows = draft.claims().stream()
                .map(claim -> new ClaimRow(claim, review.decisionFor(claim.id()).orElse(null))).toList();
        boolean own = draft.creditedAs(actor.username(), actor.displayName()).isPresent();
        boolean readOnly = own || !review.isOpen() || !actor.isCredentialedMedicalReviewer();
        boolean approved = rows.stream().allMatch(row -> row.decision() != null && row.decision().isApproved());
        return new ReviewPage(draft, review.status().name(), rows, own, readOnly, approved);
    }
}
