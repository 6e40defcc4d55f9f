package org.vetted.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The gate judges the claim decisions as they stand on the board; who signs and which text they sign are the
 * sign-off rules' (ReviewDeskTest).
 */
class ReviewGateTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private final ReviewGate gate = ReviewGate.withDefaultRules();

    private static ClaimDecision approved(Claim claim, Actor by) {
        return new ClaimDecision(claim.id(), ClaimVerdict.APPROVED, null, null, by.asReviewer(), AT);
    }

    private static ClaimDecision rejected(Claim claim, Actor by) {
        return new ClaimDecision(claim.id(), ClaimVerdict.REJECTED, "no source", null, by.asReviewer(), AT);
    }

    private static ArticleReview withTwoClaims(Map<String, ClaimDecision> decisions) {
        return new ArticleReview(Drafts.withTwoClaims(), decisions, ReviewStatus.OPEN, null);
    }

    @Test
    void everyClaimApprovedByACredentialedReviewerPasses() {
        ArticleReview review = withTwoClaims(Map.of(
                Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA),
                Drafts.DOSE.id(), approved(Drafts.DOSE, Actors.PAUL)));

        assertThat(gate.check(review)).isEqualTo(GateResult.PASSED);
    }

    @Test
    void anUndecidedClaimBlocks() {
        ArticleReview review = withTwoClaims(Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA)));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review))
                .containsExactly("claim c-dose is not decided yet");
    }

    @Test
    void aRejectedClaimBlocksAndSaysToRequestChanges() {
        ArticleReview review = withTwoClaims(Map.of(
                Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA),
                Drafts.DOSE.id(), rejected(Drafts.DOSE, Actors.PAUL)));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review)).singleElement().asString()
                .contains("c-dose", "rejected by paul", "request changes");
    }

    @Test
    void aClaimApprovedWithoutACredentialBlocks() {
        ArticleReview review = withTwoClaims(Map.of(
                Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA),
                Drafts.DOSE.id(), approved(Drafts.DOSE, Actors.UNCREDENTIALED)));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review))
                .containsExactly("claim c-dose was approved by uma, who has no credential");
    }

    @Test
    void aClaimApprovedByAnAuthorBlocksWhoeverSigns() {
        ArticleReview review = new ArticleReview(Drafts.coWrittenByDana(),
                Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.DANA)), ReviewStatus.OPEN, null);

        assertThat(GateRule.noClaimApprovedByAnAuthor().blockers(review))
                .containsExactly("dana approved claims of an article they wrote");
        assertThat(GateRule.noClaimApprovedByAnAuthor().blockers(new ArticleReview(Drafts.coWrittenByDana(),
                Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA)), ReviewStatus.OPEN, null)))
                .isEmpty();
    }

    @Test
    void anArticleWithoutClaimsNeedsOnlyTheSignOff() {
        assertThat(gate.check(ArticleReview.opened(Drafts.withoutClaims()))).isEqualTo(GateResult.PASSED);
    }

    @Test
    void theGateReportsEveryReasonAtOnce() {
        ArticleReview review = new ArticleReview(
                Drafts.revision(1, List.of(Drafts.WANDA, Drafts.DANA), List.of(Drafts.NAUSEA, Drafts.DOSE), "Body.\n"),
                Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.DANA)), ReviewStatus.OPEN, null);

        assertThat(gate.check(review)).isEqualTo(new Blocked(List.of("claim c-dose is not decided yet",
                "dana approved claims of an article they wrote")));
    }
}
