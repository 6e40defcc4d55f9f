package org.vetted.review.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest revision of one article under review: its draft, the decisions on its claims (latest per claim wins)
 * and its status. Immutable; each change returns a new value.
 */
public record ArticleReview(Draft draft, Map<String, ClaimDecision> decisions, ReviewStatus status,
        Approval approval) {

    public ArticleReview {
        decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
    }

    /** A revision just submitted: open, nothing decided. */
    public static ArticleReview opened(Draft draft) {
        return new ArticleReview(draft, Map.of(), ReviewStatus.OPEN, null);
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

    public Optional<ClaimDecision> decisionFor(String claimId) {
        return Optional.ofNullable(decisions.get(claimId));
    }

    /** How many claims of this revision have a decision. */
    public int decidedCount() {
        return (int) draft.claims().stream().filter(claim -> decisions.containsKey(claim.id())).count();
    }

    /** Ids of the claims whose latest decision is a rejection, in the order of the text. */
    public List<String> rejectedClaimIds() {
        return draft.claims().stream()
                .map(Claim::id)
                .filter(id -> decisions.containsKey(id) && !decisions.get(id).isApproved())
                .toList();
    }

    /** The distinct reviewers who approved claims of this revision, in the order of the text. */
    public List<Reviewer> claimApprovers() {
        Map<String, Reviewer> byUsername = new LinkedHashMap<>();
        for (Claim claim : draft.claims()) {
            ClaimDecision decision = decisions.get(claim.id());
            if (decision != null && decision.isApproved()) {
                byUsername.putIfAbsent(decision.reviewer().username(), decision.reviewer());
            }
        }
        return List.copyOf(byUsername.values());
    }

    ArticleReview withDecision(ClaimDecision decision) {
        Map<String, ClaimDecision> next = new LinkedHashMap<>(decisions);
        next.put(decision.claimId(), decision);
        return new ArticleReview(draft, next, status, approval);
    }

    ArticleReview approved(Approval granted) {
        return new ArticleReview(draft, decisions, ReviewStatus.APPROVED, granted);
    }

    ArticleReview returned(ReviewOutcome outcome) {
        return new ArticleReview(draft, decisions, outcome.status(), null);
    }
}
