package org.vetted.review.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;

/**
 * The gate judges the claim decisions as they stand on the board; who signs and which text they sign are the
 * sign-off rules' (ReviewDeskTest). Most tests here read one reviewer per claim ({@link FourEyesRule#none()}); the
 * four-eyes tests use the default classes, under which both claims of {@link Drafts#withTwoClaims()} (a pregnancy and
 * a dose) need two.
 */
class ReviewGateTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private final ReviewGate gate = ReviewGate.withDefaultRules();

    private static ClaimDecision approved(Claim claim, Actor by) {
        return new ClaimDecision(claim.id(), 1, ClaimVerdict.APPROVED, null, null, by.asReviewer(), AT);
    }

    private static ClaimDecision rejected(Claim claim, Actor by) {
        return new ClaimDecision(claim.id(), 1, ClaimVerdict.REJECTED, "no source", null, by.asReviewer(), AT);
    }

    static ArticleReview review(Draft draft, FourEyesRule fourEyes, ClaimDecision... decisions) {
        ArticleReview review = ArticleReview.opened(draft, fourEyes);
        for (ClaimDecision decision : decisions) {
            review = review.withDecision(decision);
        }
        return review;
    }

    private static ArticleReview withTwoClaims(ClaimDecision... decisions) {
        return review(Drafts.withTwoClaims(), FourEyesRule.none(), decisions);
    }

    @Test
    void everyClaimApprovedByACredentialedReviewerPasses() {
        ArticleReview review = withTwoClaims(approved(Drafts.NAUSEA, Actors.RITA), approved(Drafts.DOSE, Actors.PAUL));

        assertThat(gate.check(review)).isEqualTo(GateResult.PASSED);
    }

    @Test
    void anUndecidedClaimBlocks() {
        ArticleReview review = withTwoClaims(approved(Drafts.NAUSEA, Actors.RITA));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review))
                .containsExactly("claim c-dose is not decided yet");
    }

    @Test
    void aRejectedClaimBlocksAndSaysToRequestChanges() {
        ArticleReview review = withTwoClaims(approved(Drafts.NAUSEA, Actors.RITA), rejected(Drafts.DOSE, Actors.PAUL));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review))
                .singleElement()
                .asString()
                .contains("c-dose", "rejected by paul", "request changes");
    }

    @Test
    void anotherReviewersApprovalDoesNotOverruleARejection() {
        ArticleReview review = withTwoClaims(
                approved(Drafts.NAUSEA, Actors.RITA),
                rejected(Drafts.DOSE, Actors.PAUL),
                approved(Drafts.DOSE, Actors.RITA));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review))
                .containsExactly("claim c-dose was rejected by paul: request changes instead of approving");
        assertThat(gate.check(review.withDecision(approved(Drafts.DOSE, Actors.PAUL))))
                .as("until the reviewer who rejected it decides otherwise")
                .isEqualTo(GateResult.PASSED);
    }

    @Test
    void aClaimApprovedWithoutACredentialBlocks() {
        ArticleReview review =
                withTwoClaims(approved(Drafts.NAUSEA, Actors.RITA), approved(Drafts.DOSE, Actors.UNCREDENTIALED));

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().blockers(review))
                .containsExactly("claim c-dose was approved by uma, who has no credential");
    }

    @Test
    void aClaimApprovedByAnAuthorBlocksWhoeverSigns() {
        ArticleReview review =
                review(Drafts.coWrittenByDana(), FourEyesRule.none(), approved(Drafts.NAUSEA, Actors.DANA));

        assertThat(GateRule.noClaimApprovedByAnAuthor().blockers(review))
                .containsExactly("dana approved claims of an article they wrote");
        assertThat(GateRule.noClaimApprovedByAnAuthor()
                        .blockers(review(
                                Drafts.coWrittenByDana(), FourEyesRule.none(), approved(Drafts.NAUSEA, Actors.RITA))))
                .isEmpty();
    }

    @Test
    void anArticleWithoutClaimsNeedsOnlyTheSignOff() {
        assertThat(gate.check(ArticleReview.opened(Drafts.withoutClaims()))).isEqualTo(GateResult.PASSED);
    }

    @Test
    void theGateReportsEveryReasonAtOnce() {
        ArticleReview review = review(
                Drafts.revision(1, List.of(Drafts.WANDA, Drafts.DANA), List.of(Drafts.NAUSEA, Drafts.DOSE), "Body.\n"),
                FourEyesRule.none(),
                approved(Drafts.NAUSEA, Actors.DANA));

        assertThat(gate.check(review))
                .isEqualTo(new Blocked(
                        List.of("claim c-dose is not decided yet", "dana approved claims of an article they wrote")));
    }

    // Four eyes: the default classes.

    @Test
    void aHighRiskClaimApprovedOnceNeedsASecondReviewerAndTheReasonNamesIt() {
        ArticleReview review = review(
                Drafts.withTwoClaims(),
                FourEyesRule.defaults(),
                approved(Drafts.NAUSEA, Actors.RITA),
                approved(Drafts.NAUSEA, Actors.PAUL),
                approved(Drafts.DOSE, Actors.RITA));

        assertThat(gate.check(review))
                .isEqualTo(new Blocked(List.of("claim c-dose needs a second reviewer (dose): approved by rita only")));
        assertThat(review.openCount()).as("the dose claim is still open").isEqualTo(1);
        assertThat(gate.check(review.withDecision(approved(Drafts.DOSE, Actors.PAUL))))
                .isEqualTo(GateResult.PASSED);
    }

    @Test
    void oneReviewersRepeatedApprovalCountsOnce() {
        ArticleReview review = review(
                Drafts.withTwoClaims(),
                FourEyesRule.defaults(),
                approved(Drafts.DOSE, Actors.RITA),
                approved(Drafts.DOSE, Actors.RITA));

        assertThat(review.claimState(Drafts.DOSE.id()).orElseThrow().decisions())
                .hasSize(1);
        assertThat(review.claimState(Drafts.DOSE.id()).orElseThrow().approvals())
                .isEqualTo(1);
    }

    @Test
    void theSamePersonUnderTwoSpellingsIsOneReviewer() {
        Actor ritaAgain = new Actor("r.reyes", "Dr. Rita Reyes, MD", java.util.Set.of(Role.MEDICAL_REVIEWER), "MD");
        Actor ritaAccented = new Actor("RITA", "Rita Reyes", java.util.Set.of(Role.MEDICAL_REVIEWER), "MD");
        ArticleReview review = review(
                Drafts.withTwoClaims(),
                FourEyesRule.defaults(),
                approved(Drafts.DOSE, Actors.RITA),
                approved(Drafts.DOSE, ritaAgain));

        ClaimState dose = review.claimState(Drafts.DOSE.id()).orElseThrow();
        assertThat(dose.decisions())
                .as("her second spelling replaced her first decision")
                .hasSize(1);
        assertThat(dose.approvals()).isEqualTo(1);
        assertThat(dose.isOpen()).isTrue();
        assertThat(review.withDecision(approved(Drafts.DOSE, ritaAccented))
                        .claimState(Drafts.DOSE.id())
                        .orElseThrow()
                        .approvals())
                .isEqualTo(1);
        assertThat(GateRule.highRiskClaimsApprovedByTwoReviewers().blockers(review))
                .containsExactly("claim c-dose needs a second reviewer (dose): approved by r.reyes only");
    }

    @Test
    void aRejectionByEitherOfTheTwoBlocks() {
        ArticleReview review = review(
                Drafts.withTwoClaims(),
                FourEyesRule.defaults(),
                approved(Drafts.NAUSEA, Actors.RITA),
                approved(Drafts.NAUSEA, Actors.PAUL),
                approved(Drafts.DOSE, Actors.RITA),
                rejected(Drafts.DOSE, Actors.PAUL));

        assertThat(gate.check(review))
                .isEqualTo(new Blocked(
                        List.of("claim c-dose was rejected by paul: request changes instead of approving")));
        assertThat(review.rejectedClaimIds()).containsExactly("c-dose");
    }

    @Test
    void anApprovalWithoutACredentialDoesNotCountAsASecondReviewer() {
        ArticleReview review = review(
                Drafts.withTwoClaims(),
                FourEyesRule.defaults(),
                approved(Drafts.NAUSEA, Actors.RITA),
                approved(Drafts.NAUSEA, Actors.UNCREDENTIALED));

        assertThat(GateRule.highRiskClaimsApprovedByTwoReviewers().blockers(review))
                .containsExactly("claim c-nausea needs a second reviewer (pregnancy): approved by rita only");
    }
}
