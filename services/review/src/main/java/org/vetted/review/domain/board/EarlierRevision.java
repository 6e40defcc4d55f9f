package org.vetted.review.domain.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;

/**
 * An earlier revision of an article as far as carrying approvals over needs it: its claims, the decisions made on it
 * (one per claim and person, the later replacing the earlier) and whether it was approved. Its text is not kept:
 * carry-over goes by claim ids, which intake derives from each sentence's normalised text.
 */
public record EarlierRevision(
        int revision, String contentHash, List<Claim> claims, List<ClaimDecision> decisions, boolean approved) {

    public EarlierRevision {
        claims = List.copyOf(claims);
        decisions = List.copyOf(decisions);
    }

    /** A revision read after a later one: nothing decided on it is known yet. */
    static EarlierRevision of(Draft draft) {
        return new EarlierRevision(draft.revision(), draft.contentHash(), draft.claims(), List.of(), false);
    }

    /** The revision that was under review until a later one replaced it. */
    static EarlierRevision of(ArticleReview review) {
        return new EarlierRevision(
                review.revision(),
                review.draft().contentHash(),
                review.draft().claims(),
                review.decisions(),
                review.status() == ReviewStatus.APPROVED);
    }

    Optional<Claim> claim(String claimId) {
        return claims.stream().filter(claim -> claim.id().equals(claimId)).findFirst();
    }

    EarlierRevision withDecision(ClaimDecision decision) {
        return new EarlierRevision(revision, contentHash, claims, replacing(decisions, decision), approved);
    }

    EarlierRevision asApproved() {
        return new EarlierRevision(revision, contentHash, claims, decisions, true);
    }

    /** {@code decisions} with {@code decision} last, instead of the same person's earlier one on the same claim. */
    static List<ClaimDecision> replacing(List<ClaimDecision> decisions, ClaimDecision decision) {
        List<ClaimDecision> next = new ArrayList<>(decisions);
        next.removeIf(earlier -> earlier.sameClaimAndPerson(decision));
        next.add(decision);
        return next;
    }
}
