package org.vetted.review.domain.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.staff.Reviewer;

/**
 * The latest revision of one article under review: its draft, the decisions made on it (one per claim and person, a
 * person's later decision replacing their earlier one), its status, and what it takes from earlier revisions
 * ({@link EarlierReviews}: approvals carried over, revisions to compare with). Where each claim stands is derived
 * from these ({@link #claimStates()}) under the {@link FourEyesRule}. Immutable; each change returns a new value.
 * <p>
 * {@code retiredLibrary}: when each retired claims library entry was retired (by key). Until the revision is
 * approved, a decision accepted from such an entry before its retirement counts for nothing, here or carried over:
 * the claim is open again. An approved revision keeps what it was approved on.
 */
public record ArticleReview(
        Draft draft,
        List<ClaimDecision> decisions,
        ReviewStatus status,
        Approval approval,
        EarlierReviews earlier,
        FourEyesRule fourEyes,
        Map<String, Instant> retiredLibrary) {

    public ArticleReview {
        decisions = List.copyOf(decisions);
        earlier = earlier == null ? EarlierReviews.NONE : earlier;
        fourEyes = fourEyes == null ? FourEyesRule.defaults() : fourEyes;
        retiredLibrary = retiredLibrary == null ? Map.of() : Map.copyOf(retiredLibrary);
    }

    public ArticleReview(
            Draft draft,
            List<ClaimDecision> decisions,
            ReviewStatus status,
            Approval approval,
            EarlierReviews earlier,
            FourEyesRule fourEyes) {
        this(draft, decisions, status, approval, earlier, fourEyes, Map.of());
    }

    /** A revision just submitted: open, nothing decided, nothing carried, the default four-eyes classes. */
    public static ArticleReview opened(Draft draft) {
        return opened(draft, FourEyesRule.defaults());
    }

    public static ArticleReview opened(Draft draft, FourEyesRule fourEyes) {
        return new ArticleReview(draft, List.of(), ReviewStatus.OPEN, null, EarlierReviews.NONE, fourEyes);
    }

    public String articleId() {
        return draft.articleId();
    }

    public int revision() {
        return draft.revision();
    }

    public boolean isOpen() {
        return status == ReviewStatus.OPEN;
    }

    /** Decisions made on this revision about the claim, one per person, latest last. */
    public List<ClaimDecision> decisionsOn(String claimId) {
        return decisions.stream()
                .filter(decision -> decision.claimId().equals(claimId))
                .toList();
    }

    /** Where each claim stands, in the order of the text. */
    public List<ClaimState> claimStates() {
        return draft.claims().stream().map(this::stateOf).toList();
    }

    public Optional<ClaimState> claimState(String claimId) {
        return draft.claim(claimId).map(this::stateOf);
    }

    private ClaimState stateOf(Claim claim) {
        List<ClaimDecision> here = decisionsOn(claim.id());
        CarriedOver carried = earlier.carried().get(claim.id());
        if (!retiredLibrary.isEmpty() && status != ReviewStatus.APPROVED) {
            here = here.stream().filter(this::stillCounts).toList();
            if (carried != null) {
                List<ClaimDecision> kept =
                        carried.approvals().stream().filter(this::stillCounts).toList();
                carried = kept.isEmpty() ? null : new CarriedOver(kept);
            }
        }
        return ClaimState.of(claim, here, carried, fourEyes);
    }

    /** Not accepted from a library entry that was retired after. */
    private boolean stillCounts(ClaimDecision decision) {
        Instant retired = decision.libraryKey() == null ? null : retiredLibrary.get(decision.libraryKey());
        return retired == null || decision.at().isAfter(retired);
    }

    /** The same review, seeing these retirements of library entries. */
    public ArticleReview withRetiredLibrary(Map<String, Instant> retirements) {
        return new ArticleReview(draft, decisions, status, approval, earlier, fourEyes, retirements);
    }

    /** The latest decision that counts for the claim, carried over or made here. */
    public Optional<ClaimDecision> decisionFor(String claimId) {
        return claimState(claimId).flatMap(ClaimState::latest);
    }

    /** How many claims still need a decision (not rejected, not yet approved by as many reviewers as they need). */
    public int openCount() {
        return (int) claimStates().stream().filter(ClaimState::isOpen).count();
    }

    /** How many claims no longer need a decision: approved as they need (here or carried over), or rejected. */
    public int decidedCount() {
        return draft.claims().size() - openCount();
    }

    public boolean everyClaimApproved() {
        return claimStates().stream().allMatch(ClaimState::isApproved);
    }

    /** Ids of the claims rejected by a decision that counts, in the order of the text. */
    public List<String> rejectedClaimIds() {
        return claimStates().stream()
                .filter(ClaimState::isRejected)
                .map(state -> state.claim().id())
                .toList();
    }

    /**
     * The distinct reviewers (by person, however spelled) whose approvals count for claims of this revision, carried
     * over ones included, in the order of the text.
     */
    /**
     * Each approved claim with the approvals it rests on (carried-over ones as they were made on their revision), in
     * the order of the text: what the approval of this revision tells readers about how each claim was reviewed.
     */
    public List<ClaimProvenance> provenance() {
        return claimStates().stream()
                .filter(ClaimState::isApproved)
                .map(state -> new ClaimProvenance(
                        state.claim().id(),
                        state.claim().text(),
                        state.claim().section(),
                        state.decisions().stream()
                                .filter(ClaimDecision::isApproved)
                                .sorted(ClaimState.madeOrder())
                                .toList()))
                .toList();
    }

    public List<Reviewer> claimApprovers() {
        List<Reviewer> approvers = new ArrayList<>();
        for (ClaimState state : claimStates()) {
            for (ClaimDecision decision : state.decisions()) {
                if (decision.isApproved()
                        && approvers.stream().noneMatch(known -> known.isSamePersonAs(decision.reviewer()))) {
                    approvers.add(decision.reviewer());
                }
            }
        }
        return List.copyOf(approvers);
    }

    public ArticleReview withDecision(ClaimDecision decision) {
        return new ArticleReview(
                draft,
                EarlierRevision.replacing(decisions, decision),
                status,
                approval,
                earlier,
                fourEyes,
                retiredLibrary);
    }

    public ArticleReview withEarlier(EarlierReviews reviews) {
        return new ArticleReview(draft, decisions, status, approval, reviews, fourEyes, retiredLibrary);
    }

    ArticleReview approved(Approval granted) {
        return new ArticleReview(draft, decisions, ReviewStatus.APPROVED, granted, earlier, fourEyes, retiredLibrary);
    }

    /** Approved once, its review expired: open again with its decisions, to be signed off anew (re-review). */
    ArticleReview reopened() {
        return new ArticleReview(draft, decisions, ReviewStatus.OPEN, null, earlier, fourEyes, retiredLibrary);
    }

    public ArticleReview returned(ReviewOutcome outcome) {
        return new ArticleReview(draft, decisions, outcome.status(), null, earlier, fourEyes, retiredLibrary);
    }
}
