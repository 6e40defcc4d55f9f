package org.vetted.review.web.pages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.CarriedOver;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.drift.ClaimDrift;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.staff.Actor;

/**
 * What the review page shows: everything that goes live (and so everything the content hash covers), what changed
 * since the previous and the last approved revision, each claim with where it stands (decided here, carried over,
 * open, and why an open one changed since an earlier revision), and what this reviewer may do. {@code readOnly}: the
 * reviewer is credited on the article, or it is no longer open, or the account may only read (an editor).
 * {@code openClaims}: claims still needing a decision (a carried-over approval is not open; a high-risk claim approved
 * once is); {@code highRiskOpen}: one of those needs two reviewers.
 */
record ReviewPage(
        Draft draft,
        String status,
        List<ClaimRow> claims,
        boolean own,
        boolean readOnly,
        boolean everyClaimApproved,
        int openClaims,
        boolean highRiskOpen,
        List<Segment> text,
        List<RevisionChanges> changes) {

    /**
     * One claim's block; {@code drift} is null unless the claim is open after an earlier revision; {@code offer} is
     * null unless the claims library has something for an open claim nobody decided yet. {@code settled}: nothing is
     * left for this reviewer to do on it (it is approved, rejected, or waits for another reviewer's approval after
     * theirs), so the page folds its form away.
     */
    record ClaimRow(ClaimState state, ClaimDrift.Drift drift, ClaimLibrary.Offer offer, boolean settled) {
        private static final DateTimeFormatter DAY =
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

        public Claim claim() {
            return state.claim();
        }

        /**
         * "Approved in the library: “text” under “section” in article a-1 (revision 2): doi:… by Rita Reyes, until
         * 1 March 2027", or null without an exact match.
         */
        public String libraryMatch() {
            LibraryEntry match = offer == null ? null : offer.match();
            if (match == null) {
                return null;
            }
            // The entry's own text and where it was approved: the reviewer accepts that, not a key.
            return "Approved in the library: “" + match.claimText() + "”"
                    + (match.section() == null ? "" : " under “" + match.section() + "”") + " in article "
                    + match.articleId() + " (revision " + match.revision() + "): "
                    + String.join("; ", match.references()) + " by "
                    + match.reviewer().displayName() + ", until "
                    + DAY.format(match.expiresAt());
        }

        /** Close library claims, as text only: "Similar claim in the library: … (doi:…)". Never applied. */
        public List<String> suggestions() {
            return offer == null
                    ? List.of()
                    : offer.suggestions().stream()
                            .map(suggestion -> "Similar claim in the library: “"
                                    + suggestion.entry().claimText() + "” ("
                                    + String.join("; ", suggestion.entry().references()) + ")")
                            .toList();
        }

        /** The decision the block names: the first rejection when rejected, else the latest decision that counts. */
        public ClaimDecision decision() {
            return state.firstRejection().or(state::latest).orElse(null);
        }

        /** {@code .verdict}: "Not decided yet", "Rejected", "Approved", or "Approved (1 of 2)" while a second is due. */
        public String verdict() {
            if (state.isRejected()) {
                return "Rejected";
            }
            if (state.decisions().isEmpty()) {
                return "Not decided yet";
            }
            return state.isOpen() && state.approvals() > 0
                    ? "Approved (" + state.approvals() + " of " + state.approvalsNeeded() + ")"
                    : "Approved";
        }

        /** {@code data-verdict}: UNDECIDED, APPROVED (also once of two) or REJECTED. */
        public String dataVerdict() {
            return state.isRejected() ? "REJECTED" : state.decisions().isEmpty() ? "UNDECIDED" : "APPROVED";
        }

        /** The other decisions that count, besides the one the block names. */
        public List<ClaimDecision> otherDecisions() {
            ClaimDecision shown = decision();
            return state.decisions().stream()
                    .filter(decision -> decision != shown)
                    .toList();
        }

        /** "Carried over from revision 1: approved by Rita Reyes (reference doi:…)", or null. */
        public String carriedOver() {
            CarriedOver carried = state.carriedOver();
            if (carried == null) {
                return null;
            }
            List<String> approvals = new ArrayList<>();
            for (ClaimDecision approval : carried.approvals()) {
                approvals.add(approval.reviewer().displayName()
                        + (approval.revision() == carried.fromRevision() ? "" : " on revision " + approval.revision())
                        + (approval.reference() == null ? "" : " (reference " + approval.reference() + ")"));
            }
            return "Carried over from revision " + carried.fromRevision() + ": approved by "
                    + String.join(" and ", approvals);
        }

        /** "High-risk claim (dose): needs two reviewers (1 of 2)", or null for a claim one reviewer may approve. */
        public String risk() {
            if (!state.isHighRisk()) {
                return null;
            }
            return "High-risk claim ("
                    + String.join(", ", state.riskClasses())
                            .toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + "): needs two reviewers ("
                    + Math.min(state.approvals(), state.approvalsNeeded()) + " of " + state.approvalsNeeded() + ")";
        }
    }

    /**
     * A claim that keeps the sign-off from approving, with its sentence (for a link to it) and why, e.g. "rejected
     * by Rita Reyes" or "needs a second reviewer (1 of 2)".
     */
    record Blocker(String claimId, String text, String why) {}

    /** A run of the text; {@code claimId} is set where the run is a claim, so the page can mark it in place. */
    record Segment(String text, String claimId) {}

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
            changes.add(RevisionChanges.between(
                    "changes-previous",
                    "Changes since revision " + previous.revision()
                            + (previousIsApproved ? ", the previous and last approved one" : ", the previous one"),
                    previous,
                    current));
        }
        if (approved != null && !previousIsApproved) {
            changes.add(RevisionChanges.between(
                    "changes-approved",
                    "Changes since revision " + approved.revision() + ", the last approved one",
                    approved,
                    current));
        }
        return changes;
    }

    /** The page with what changed since earlier revisions, and what the claims library offers. */
    static ReviewPage of(ArticleHistory history, Actor actor, Map<String, ClaimLibrary.Offer> offers) {
        return of(history.review(), actor, changes(history), offers);
    }

    /** The page without the diffs: for answers that show only a claim and the sign-off. */
    static ReviewPage of(ArticleReview review, Actor actor, Map<String, ClaimLibrary.Offer> offers) {
        return of(review, actor, List.of(), offers);
    }

    private static ReviewPage of(
            ArticleReview review, Actor actor, List<RevisionChanges> changes, Map<String, ClaimLibrary.Offer> offers) {
        Draft draft = review.draft();
        Map<String, ClaimDrift.Drift> drifts = ClaimDrift.of(review);
        List<ClaimRow> rows = review.claimStates().stream()
                .map(state -> new ClaimRow(
                        state,
                        drifts.get(state.claim().id()),
                        offers.get(state.claim().id()),
                        !state.isOpen()
                                || state.decisions().stream()
                                        .anyMatch(
                                                decision -> decision.reviewer().isSamePersonAs(actor.asReviewer()))))
                .toList();
        boolean own = draft.creditedAs(actor.username(), actor.displayName()).isPresent();
        boolean readOnly = own || !review.isOpen() || !actor.isCredentialedMedicalReviewer();
        boolean approved = rows.stream().allMatch(row -> row.state().isApproved());
        int open = (int) rows.stream().filter(row -> row.state().isOpen()).count();
        boolean highRiskOpen = rows.stream()
                .anyMatch(row -> row.state().isOpen() && row.state().isHighRisk());
        return new ReviewPage(
                draft,
                review.status().name(),
                rows,
                own,
                readOnly,
                approved,
                open,
                highRiskOpen,
                segments(draft.bodyMarkdown(), draft.claims()),
                changes);
    }

    public Optional<ClaimRow> claim(String claimId) {
        return claims.stream().filter(row -> row.claim().id().equals(claimId)).findFirst();
    }

    /** The claims that keep the revision from being approved, in the order of the text. */
    public List<Blocker> blockers() {
        List<Blocker> blockers = new ArrayList<>();
        for (ClaimRow row : claims) {
            ClaimState state = row.state();
            if (state.isApproved()) {
                continue;
            }
            String why;
            if (state.isRejected()) {
                why = "rejected by "
                        + state.firstRejection().orElseThrow().reviewer().displayName();
            } else if (state.approvals() > 0) {
                why = "needs a second reviewer (" + state.approvals() + " of " + state.approvalsNeeded() + ")";
            } else if (!state.decisions().isEmpty()) {
                why = "approved only by a reviewer without a credential";
            } else {
                why = "not decided yet";
            }
            blockers.add(new Blocker(row.claim().id(), row.claim().text(), why));
        }
        return blockers;
    }

    /** The first claim this reviewer has left to decide, or null. */
    public String firstOpenClaim() {
        return claims.stream()
                .filter(row -> !row.settled())
                .map(row -> row.claim().id())
                .findFirst()
                .orElse(null);
    }

    /** The next claim after this one (wrapping round) that this reviewer has left to decide, or null. */
    public String nextOpenClaim(String claimId) {
        int at = 0;
        while (at < claims.size() && !claims.get(at).claim().id().equals(claimId)) {
            at++;
        }
        for (int step = 1; step <= claims.size(); step++) {
            ClaimRow row = claims.get((at + step) % claims.size());
            if (!row.settled() && !row.claim().id().equals(claimId)) {
                return row.claim().id();
            }
        }
        return null;
    }

    /** Whether a message about this claim has its block on the page to go in (else it goes at the top). */
    public boolean hasClaim(String claimId) {
        return claim(claimId).isPresent();
    }
}
