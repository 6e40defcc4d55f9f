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
                  boolean everyClaimApproved, List<Segment> text) {

    record ClaimRow(Claim claim, ClaimDecision decision) {
    }

    /** A run of the text; {@code claimId} is set where the run is a claim, so the page can mark it in place. */
    record Segment(String text, String claimId) {
    }

    /**
     * The body cut into runs, each claim marked where its sentence stands (its first occurrence, in reading order).
     * A claim whose sentence is not in the body as written (markup inside it, a heading) stays unmarked in the text
     * and is listed beside it all the same. The page escapes every run: nothing here is trusted as HTML.
     */
    static List<Segment> segments(String body, List<Claim> claims) {
        List<Segment> segments = new java.util.ArrayList<>();
        int from = 0;
        for (Claim claim : claims) {
            int at = body.indexOf(claim.text(), from);
            if (at < 0) {
                continue;
            }
            if (at > from) {
                segments.add(new Segment(body.substring(from, at), null));
            }
            segments.add(new Segment(claim.text(), claim.id()));
            from = at + claim.text().length();
        }
        if (from < body.length()) {
            segments.add(new Segment(body.substring(from), null));
        }
        return segments;
    }

    static ReviewPage of(ArticleReview review, Actor actor) {
        Draft draft = review.draft();
        List<ClaimRow> rows = draft.claims().stream()
                .map(claim -> new ClaimRow(claim, review.decisionFor(claim.id()).orElse(null))).toList();
        boolean own = draft.creditedAs(actor.username(), actor.displayName()).isPresent();
        boolean readOnly = own || !review.isOpen() || !actor.isCredentialedMedicalReviewer();
        boolean approved = rows.stream().allMatch(row -> row.decision() != null && row.decision().isApproved());
        return new ReviewPage(draft, review.status().name(), rows, own, readOnly, approved,
                segments(draft.bodyMarkdown(), draft.claims()));
    }
}
