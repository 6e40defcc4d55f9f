package org.vetted.review.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vetted.review.domain.Actor;
import org.vetted.review.domain.ArticleHistory;
import org.vetted.review.domain.ArticleReview;
import org.vetted.review.domain.Claim;
import org.vetted.review.domain.ClaimDecision;
import org.vetted.review.domain.Draft;

/**
 * What the review page shows: everything that goes live (and so everything the content hash covers), what changed
 * since the previous and the last approved revision, each claim with its decision, and what this reviewer may do.
 * {@code readOnly}: the reviewer is credited on the article, or it is no longer open, or the account may only read
 * (an editor). {@code openClaims}: claims without a decision yet.
 */
record ReviewPage(Draft draft, String status, List<ClaimRow> claims, boolean own, boolean readOnly,
                  boolean everyClaimApproved, int openClaims, List<Segment> text, List<RevisionChanges> changes) {

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
        List<Segment> segments = new ArrayList<>();
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

    /**
     * The diffs against the previous revision and, when it is another one, the last approved. The revision a
     * reviewer first sees (nothing replaced) has none.
     */
    static List<RevisionChanges> changes(ArticleHistory history) {
        Draft current = history.review().draft();
        Draft previous = history.previous();
        Draft approved = history.lastApproved();
        boolean previousIsApproved = previous != null && approved != null && approved.revision() == previous.revision();
        List<RevisionChanges> changes = new ArrayList<>();
        if (previous != null) {
            changes.add(RevisionChanges.between("changes-previous", "Changes since revision " + previous.revision()
                    + (previousIsApproved ? ", the previous and last approved one" : ", the previous one"),
                    previous, current));
        }
        if (approved != null && !previousIsApproved) {
            changes.add(RevisionChanges.between("changes-approved", "Changes since revision " + approved.revision()
                    + ", the last approved one", approved, current));
        }
        return changes;
    }

    /** The page with what changed since earlier revisions. */
    static ReviewPage of(ArticleHistory history, Actor actor) {
        return of(history.review(), actor, changes(history));
    }

    /** The page without the diffs: for answers that show only a claim and the sign-off. */
    static ReviewPage of(ArticleReview review, Actor actor) {
        return of(review, actor, List.of());
    }

    private static ReviewPage of(ArticleReview review, Actor actor, List<RevisionChanges> changes) {
        Draft draft = review.draft();
        List<ClaimRow> rows = draft.claims().stream()
                .map(claim -> new ClaimRow(claim, review.decisionFor(claim.id()).orElse(null))).toList();
        boolean own = draft.creditedAs(actor.username(), actor.displayName()).isPresent();
        boolean readOnly = own || !review.isOpen() || !actor.isCredentialedMedicalReviewer();
        boolean approved = rows.stream().allMatch(row -> row.decision() != null && row.decision().isApproved());
        return new ReviewPage(draft, review.status().name(), rows, own, readOnly, approved,
                draft.claims().size() - review.decidedCount(), segments(draft.bodyMarkdown(), draft.claims()),
                changes);
    }

    public Optional<ClaimRow> claim(String claimId) {
        return claims.stream().filter(row -> row.claim().id().equals(claimId)).findFirst();
    }

    /** Whether a message about this claim has its block on the page to go in (else it goes at the top). */
    public boolean hasClaim(String claimId) {
        return claim(claimId).isPresent();
    }
}
