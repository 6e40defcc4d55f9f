package org.vetted.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReviewGateTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static ClaimDecision approved(Claim claim, Actor by) {
        return new ClaimDecision(claim.id(), ClaimVerdict.APPROVED, null, null, by.asReviewer(), AT);
    }

    private static ClaimDecision rejected(Claim claim, Actor by) {
        return new ClaimDecision(claim.id(), ClaimVerdict.REJECTED, "no source", null, by.asReviewer(), AT);
    }

    private static ArticleReview allApproved() {
        return new ArticleReview(Drafts.withTwoClaims(), Map.of(
                Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA),
                Drafts.DOSE.id(), approved(Drafts.DOSE, Actors.PAUL)), ReviewStatus.OPEN, null);
    }

    private static SignOffRequest approveBy(Actor actor) {
        return new SignOffRequest(actor, SignOffDecision.APPROVE, null, null);
    }

    @Test
    void everyClaimApprovedPasses() {
        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().check(approveBy(Actors.RITA), allApproved()))
                .isEqualTo(GateResult.PASSED);
    }

    @Test
    void anUndecidedClaimBlocks() {
        ArticleReview review = new ArticleReview(Drafts.withTwoClaims(),
                Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA)), ReviewStatus.OPEN, null);

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().check(approveBy(Actors.RITA), review))
                .isEqualTo(new Blocked(java.util.List.of("claim c-dose is not decided yet")));
    }

    @Test
    void aRejectedClaimBlocksAndSaysToRequestChanges() {
        ArticleReview review = new ArticleReview(Drafts.withTwoClaims(), Map.of(
                Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA),
                Drafts.DOSE.id(), rejected(Drafts.DOSE, Actors.PAUL)), ReviewStatus.OPEN, null);

        GateResult result = GateRule.everyClaimApprovedByACredentialedReviewer().check(approveBy(Actors.RITA), review);

        assertThat(result).isInstanceOf(Blocked.class);
        assertThat(((Blocked) result).reasons()).singleElement().asString()
                .contains("c-dose", "rejected by paul", "request changes");
    }

    @Test
    void aClaimApprovedWithoutACredentialBlocks() {
        ArticleReview review = new ArticleReview(Drafts.withTwoClaims(), Map.of(
                Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA),
                Drafts.DOSE.id(), approved(Drafts.DOSE, Actors.UNCREDENTIALED)), ReviewStatus.OPEN, null);

        assertThat(GateRule.everyClaimApprovedByACredentialedReviewer().check(approveBy(Actors.RITA), review))
                .isInstanceOf(Blocked.class);
    }

    @Test
    void anArticleWithoutClaimsNeedsOnlyTheSignOff() {
        ArticleReview review = ArticleReview.opened(Drafts.withoutClaims());

        assertThat(ReviewGate.withDefaultRules().check(approveBy(Actors.RITA), review)).isEqualTo(GateResult.PASSED);
    }

    @Test
    void signerMustBeACredentialedMedicalReviewer() {
        GateRule rule = GateRule.signerIsAMedicalReviewerWithACredential();

        assertThat(rule.check(approveBy(Actors.RITA), allApproved())).isEqualTo(GateResult.PASSED);
        assertThat(rule.check(approveBy(Actors.EDDIE), allApproved())).isInstanceOf(Blocked.class);
        assertThat(rule.check(approveBy(Actors.UNCREDENTIALED), allApproved())).isInstanceOf(Blocked.class);
    }

    @Test
    void anAuthorCannotSignOffTheirOwnArticle() {
        ArticleReview review = new ArticleReview(Drafts.coWrittenByDana(),
                Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.RITA)), ReviewStatus.OPEN, null);
        GateRule rule = GateRule.noReviewerApprovesOwnArticle();

        assertThat(rule.check(approveBy(Actors.RITA), review)).isEqualTo(GateResult.PASSED);
        assertThat(rule.check(approveBy(Actors.DANA), review))
                .isEqualTo(new Blocked(java.util.List.of("dana wrote this article and may not approve it")));
    }

    @Test
    void aClaimApprovedByAnAuthorBlocksEvenWhenSomeoneElseSigns() {
        ArticleReview review = new ArticleReview(Drafts.coWrittenByDana(),
                Map.of(Drafts.NAUSEA.id(), approved(Drafts.NAUSEA, Actors.DANA)), ReviewStatus.OPEN, null);

        assertThat(GateRule.noReviewerApprovesOwnArticle().check(approveBy(Actors.RITA), review))
                .isEqualTo(new Blocked(java.util.List.of("dana approved claims of an article they wrote")));
    }

    @Test
    void approvalMustNameTheCurrentText() {
        ArticleReview review = allApproved();
        GateRule rule = GateRule.approvalIsForTheCurrentRevision();
        String current = review.draft().contentHash();

        assertThat(rule.check(approveBy(Actors.RITA), review)).isEqualTo(GateResult.PASSED);
        assertThat(rule.check(new SignOffRequest(Actors.RITA, SignOffDecision.APPROVE, null, current), review))
                .isEqualTo(GateResult.PASSED);
        assertThat(rule.check(new SignOffRequest(Actors.RITA, SignOffDecision.APPROVE, null, "sha256:older"), review))
                .isInstanceOf(Blocked.class);
    }

    @Test
    void aClosedRevisionCannotBeApprovedAgain() {
        GateRule rule = GateRule.revisionIsStillOpen();
        ArticleReview returned = allApproved().returned(ReviewOutcome.CHANGES_REQUESTED);

        assertThat(rule.check(approveBy(Actors.RITA), allApproved())).isEqualTo(GateResult.PASSED);
        assertThat(rule.check(approveBy(Actors.RITA), returned)).isInstanceOf(Blocked.class);
    }

    @Test
    void theGateReportsEveryReasonAtOnce() {
        ArticleReview review = new ArticleReview(Drafts.coWrittenByDana(), Map.of(), ReviewStatus.OPEN, null);

        GateResult result = ReviewGate.withDefaultRules()
                .check(new SignOffRequest(Actors.DANA, SignOffDecision.APPROVE, null, "sha256:older"), review);

        assertThat(((Blocked) result).reasons()).hasSize(3);
    }
}
