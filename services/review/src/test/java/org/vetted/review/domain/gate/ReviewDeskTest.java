package org.vetted.review.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.Approval;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewOutcome;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Reviewer;

class ReviewDeskTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final ReviewDesk desk = ReviewDesk.withDefaultRules();

    /** A rejection says why, as the rules require; an approval goes without a comment. */
    private static ClaimDecisionRequest decide(Actor actor, String claimId, ClaimVerdict verdict) {
        return new ClaimDecisionRequest(
                actor,
                claimId,
                verdict,
                verdict == ClaimVerdict.REJECTED ? "Not what the cited trial found." : null,
                null,
                1);
    }

    private ArticleReview decided(ArticleReview review, ClaimOutcome outcome) {
        return review.withDecision(((ClaimOutcome.Decided) outcome).event().decision());
    }

    @Test
    void aCredentialedReviewerDecidesAClaimOfTheCurrentText() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());

        ClaimOutcome outcome =
                desk.decideClaim(review, decide(Actors.RITA, "c-nausea", ClaimVerdict.APPROVED), "e1", NOW);

        assertThat(outcome).isInstanceOfSatisfying(ClaimOutcome.Decided.class, decided -> {
            assertThat(decided.event().contentHash()).isEqualTo(review.draft().contentHash());
            assertThat(decided.event().decision().reviewer()).isEqualTo(new Reviewer("rita", "Rita Reyes", "MD"));
            assertThat(decided.claim()).isEqualTo(Drafts.NAUSEA);
        });
    }

    @Test
    void claimDecisionRulesRefuseWithTheirReason() {
        ArticleReview review = ArticleReview.opened(Drafts.coWrittenByDana());

        assertThat(desk.decideClaim(review, decide(Actors.WANDA, "c-nausea", ClaimVerdict.APPROVED), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.NOT_A_CREDENTIALED_REVIEWER);
        assertThat(desk.decideClaim(review, decide(Actors.DANA, "c-nausea", ClaimVerdict.APPROVED), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.OWN_ARTICLE);
        assertThat(desk.decideClaim(review, decide(Actors.RITA, "c-missing", ClaimVerdict.APPROVED), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.UNKNOWN_CLAIM);
        assertThat(desk.decideClaim(
                        review.returned(ReviewOutcome.REJECTED),
                        decide(Actors.RITA, "c-nausea", ClaimVerdict.APPROVED),
                        "e",
                        NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.REVISION_CLOSED);
        assertThat(desk.decideClaim(
                        review,
                        new ClaimDecisionRequest(Actors.RITA, "c-nausea", ClaimVerdict.APPROVED, null, null, 7),
                        "e",
                        NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.STALE_REVISION);
        assertThat(desk.decideClaim(
                        review,
                        new ClaimDecisionRequest(Actors.RITA, "c-gone-since", ClaimVerdict.APPROVED, null, null, 7),
                        "e",
                        NOW))
                .as("a stale revision is reported as such even when its claim is gone from the current one")
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.STALE_REVISION);
    }

    @ParameterizedTest(name = "credited as \"{0}\"")
    @ValueSource(
            strings = {
                "Dana Diaz, RD",
                "dr. dana diaz",
                "DANA  DÍAZ",
                "Diaz, Dana",
                "Dana Díaz MD, MPH",
                "Ms. Dana Diaz, RDN",
                "dana"
            })
    void aCoAuthorSpelledAnotherWayCannotDecideNorSignOff(String credit) {
        ArticleReview review = ArticleReview.opened(Drafts.coWrittenByDanaAs(credit));

        assertThat(desk.decideClaim(review, decide(Actors.DANA, "c-nausea", ClaimVerdict.APPROVED), "e", NOW))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.OWN_ARTICLE);
                    assertThat(refused.reason()).contains("credited as \"" + credit + "\"");
                });
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.DANA,
                                SignOffDecision.APPROVE,
                                null,
                                review.draft().contentHash()),
                        "e",
                        NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.OWN_ARTICLE);
        assertThat(desk.decideClaim(review, decide(Actors.RITA, "c-nausea", ClaimVerdict.APPROVED), "e", NOW))
                .as("another reviewer still may")
                .isInstanceOf(ClaimOutcome.Decided.class);
    }

    @Test
    void signOffRulesRefuseWithTheirReasonBeforeTheGateIsAsked() {
        ArticleReview review = ArticleReview.opened(Drafts.coWrittenByDana());
        String hash = review.draft().contentHash();

        assertThat(desk.signOff(
                        review, new SignOffRequest(Actors.EDDIE, SignOffDecision.APPROVE, null, hash), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.NOT_A_CREDENTIALED_REVIEWER);
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(Actors.UNCREDENTIALED, SignOffDecision.REJECT, null, hash),
                        "e",
                        NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.NOT_A_CREDENTIALED_REVIEWER);
        assertThat(desk.signOff(review, new SignOffRequest(Actors.DANA, SignOffDecision.APPROVE, null, hash), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.OWN_ARTICLE);
        assertThat(desk.signOff(
                        review.returned(ReviewOutcome.CHANGES_REQUESTED),
                        new SignOffRequest(Actors.RITA, SignOffDecision.APPROVE, null, hash),
                        "e",
                        NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.REVISION_CLOSED);
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(Actors.RITA, SignOffDecision.REJECT, null, "sha256:what-i-saw-yesterday"),
                        "e",
                        NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.STALE_REVISION);
    }

    @ParameterizedTest
    @EnumSource(SignOffDecision.class)
    void everySignOffMustNameTheTextReviewed(SignOffDecision decision) {
        ArticleReview review = ArticleReview.opened(Drafts.withoutClaims());

        assertThat(desk.signOff(review, new SignOffRequest(Actors.RITA, decision, null, null), "e", NOW))
                .isEqualTo(new Refused(Refusal.TEXT_NOT_NAMED, "required: the hash of the text you reviewed"));
        assertThat(desk.signOff(
                        review, new SignOffRequest(Actors.RITA, decision, null, "sha256:read-yesterday"), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.STALE_REVISION);
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.RITA,
                                decision,
                                "A recipe page: nothing in it is a health claim.",
                                review.draft().contentHash()),
                        "e",
                        NOW))
                .isInstanceOfAny(SignOffOutcome.Approved.class, SignOffOutcome.Returned.class);
    }

    @Test
    void approvingARevisionWithoutClaimsNeedsTheReviewerToSayWhy() {
        ArticleReview review = ArticleReview.opened(Drafts.withoutClaims());
        String hash = review.draft().contentHash();

        assertThat(desk.signOff(review, new SignOffRequest(Actors.RITA, SignOffDecision.APPROVE, null, hash), "e", NOW))
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.NO_CLAIMS_UNEXPLAINED);
        assertThat(desk.signOff(
                        review, new SignOffRequest(Actors.RITA, SignOffDecision.APPROVE, "  fine  ", hash), "e", NOW))
                .as("too short to say why")
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.NO_CLAIMS_UNEXPLAINED);
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(Actors.RITA, SignOffDecision.APPROVE, "fine" + "\u200B".repeat(30), hash),
                        "e",
                        NOW))
                .as("invisible characters are not a reason: only what a reader sees counts")
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.NO_CLAIMS_UNEXPLAINED);
        assertThat(desk.signOff(
                        review, new SignOffRequest(Actors.RITA, SignOffDecision.REQUEST_CHANGES, null, hash), "e", NOW))
                .as("returning needs no such reason")
                .isInstanceOf(SignOffOutcome.Returned.class);
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.RITA,
                                SignOffDecision.APPROVE,
                                "Opening hours of the clinic only; no health statement.",
                                hash),
                        "e",
                        NOW))
                .isInstanceOf(SignOffOutcome.Approved.class);
    }

    @Test
    void approvalCarriesTheDistinctClaimReviewersAndTheHash() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-nausea", ClaimVerdict.APPROVED), "1", NOW));
        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.APPROVED), "2", NOW));
        review = decided(
                review, desk.decideClaim(review, decide(Actors.PAUL, "c-nausea", ClaimVerdict.APPROVED), "3", NOW));
        review = decided(
                review, desk.decideClaim(review, decide(Actors.PAUL, "c-dose", ClaimVerdict.APPROVED), "4", NOW));
        String hash = review.draft().contentHash();

        SignOffOutcome outcome =
                desk.signOff(review, new SignOffRequest(Actors.PAUL, SignOffDecision.APPROVE, "fine", hash), "5", NOW);

        assertThat(outcome)
                .as("the signer may be one of the two reviewers of a high-risk claim")
                .isInstanceOfSatisfying(SignOffOutcome.Approved.class, approved -> {
                    Approval approval = approved.event().approval();
                    assertThat(approval.signedOffBy().username()).isEqualTo("paul");
                    assertThat(approval.claimReviewers())
                            .extracting(Reviewer::username)
                            .containsExactly("rita", "paul");
                    assertThat(approval.contentHash()).isEqualTo(hash);
                    assertThat(approved.draft()).isEqualTo(Drafts.withTwoClaims());
                });
    }

    @ParameterizedTest(name = "comment \"{0}\"")
    @ValueSource(strings = {"", "   ", "\n", "\u200B\u200B\u200B", "\u2060 \uFEFF", "\u202E\u00AD\u200D"})
    void rejectingAClaimNeedsAComment(String comment) {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());

        assertThat(desk.decideClaim(
                        review,
                        new ClaimDecisionRequest(
                                Actors.RITA,
                                "c-dose",
                                ClaimVerdict.REJECTED,
                                comment.isEmpty() ? null : comment,
                                null,
                                1),
                        "e",
                        NOW))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.REJECTION_UNEXPLAINED);
                    assertThat(refused.reason()).contains("needs a comment");
                });
        assertThat(desk.decideClaim(
                        review,
                        new ClaimDecisionRequest(Actors.RITA, "c-dose", ClaimVerdict.APPROVED, comment, null, 1),
                        "e",
                        NOW))
                .as("an approval needs none")
                .isInstanceOf(ClaimOutcome.Decided.class);
        assertThat(desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.REJECTED), "e", NOW))
                .isInstanceOf(ClaimOutcome.Decided.class);
    }

    @Test
    void rejectingTheArticleNeedsACommentAndTheOtherSignOffsDoNot() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        String hash = review.draft().contentHash();

        for (String blank : List.of(" ", "\u200B\u2060", "\u00AD \u202E\uFEFF")) {
            assertThat(desk.signOff(
                            review, new SignOffRequest(Actors.RITA, SignOffDecision.REJECT, blank, hash), "e", NOW))
                    .as("a reason nobody can read is no reason")
                    .isInstanceOfSatisfying(
                            Refused.class,
                            refused -> assertThat(refused.refusal()).isEqualTo(Refusal.REJECTION_UNEXPLAINED));
        }
        assertThat(desk.signOff(
                        review, new SignOffRequest(Actors.RITA, SignOffDecision.REJECT, null, "stale"), "e", NOW))
                .as("a stale text is told first: the reviewer must reload anyway")
                .extracting(outcome -> ((Refused) outcome).refusal())
                .isEqualTo(Refusal.STALE_REVISION);
        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.RITA, SignOffDecision.REJECT, "Recommends a dose no guideline supports.", hash),
                        "e",
                        NOW))
                .isInstanceOf(SignOffOutcome.Returned.class);
        assertThat(desk.signOff(
                        review, new SignOffRequest(Actors.RITA, SignOffDecision.REQUEST_CHANGES, null, hash), "e", NOW))
                .isInstanceOf(SignOffOutcome.Returned.class);
    }

    @Test
    void theRejectionRulesAreAmongTheDefaults() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        ClaimDecisionRequest unexplained =
                new ClaimDecisionRequest(Actors.RITA, "c-dose", ClaimVerdict.REJECTED, null, null, 1);

        assertThat(ClaimDecisionRule.rejectingSaysWhy().check(unexplained, review))
                .isInstanceOf(Refused.class);
        assertThat(ClaimDecisionRule.defaults())
                .as("each rule is a new lambda: compare what they answer")
                .anySatisfy(rule -> assertThat(rule.check(unexplained, review))
                        .isEqualTo(ClaimDecisionRule.rejectingSaysWhy().check(unexplained, review)));
        SignOffRequest rejecting = new SignOffRequest(
                Actors.RITA, SignOffDecision.REJECT, null, review.draft().contentHash());
        assertThat(SignOffRule.defaults())
                .anySatisfy(rule -> assertThat(rule.check(rejecting, review))
                        .isInstanceOfSatisfying(
                                Refused.class,
                                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.REJECTION_UNEXPLAINED)));
    }

    @Test
    void approvingAHighRiskClaimAgainSaysItStillWaitsForAnotherReviewer() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        ClaimOutcome.Decided first = (ClaimOutcome.Decided)
                desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.APPROVED), "1", NOW);
        assertThat(first.approvedAgain()).isFalse();
        assertThat(first.awaitsAnotherReviewer()).isTrue();
        review = first.review();

        ClaimOutcome.Decided again = (ClaimOutcome.Decided)
                desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.APPROVED), "2", NOW);
        assertThat(again.approvedAgain()).isTrue();
        assertThat(again.awaitsAnotherReviewer()).isTrue();
        assertThat(again.review().claimState("c-dose").orElseThrow().approvals())
                .isEqualTo(1);

        ClaimOutcome.Decided second = (ClaimOutcome.Decided)
                desk.decideClaim(again.review(), decide(Actors.PAUL, "c-dose", ClaimVerdict.APPROVED), "3", NOW);
        assertThat(second.approvedAgain()).isFalse();
        assertThat(second.awaitsAnotherReviewer()).isFalse();
        ClaimOutcome.Decided oneReviewer = (ClaimOutcome.Decided)
                desk.decideClaim(review, decide(Actors.PAUL, "c-nausea", ClaimVerdict.REJECTED), "4", NOW);
        assertThat(oneReviewer.awaitsAnotherReviewer())
                .as("a rejection waits for nobody")
                .isFalse();
    }

    @Test
    void aHighRiskClaimApprovedByOneReviewerBlocksTheSignOffNamingTheClaim() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-nausea", ClaimVerdict.APPROVED), "1", NOW));
        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.APPROVED), "2", NOW));

        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.RITA,
                                SignOffDecision.APPROVE,
                                null,
                                review.draft().contentHash()),
                        "3",
                        NOW))
                .isEqualTo(new Blocked(List.of(
                        "claim c-nausea needs a second reviewer (pregnancy): approved by rita only",
                        "claim c-dose needs a second reviewer (dose): approved by rita only")));
    }

    @Test
    void theDecidedOutcomeCarriesTheReviewAsTheBoardWillHoldIt() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());

        ClaimOutcome.Decided decided = (ClaimOutcome.Decided)
                desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.APPROVED), "1", NOW);

        assertThat(decided.event().decision().revision()).isEqualTo(1);
        assertThat(decided.review())
                .isEqualTo(review.withDecision(decided.event().decision()));
        assertThat(decided.review().claimState("c-dose").orElseThrow().approvals())
                .isEqualTo(1);
    }

    @Test
    void reDecidingReplacesOnlyTheSameReviewersEarlierDecision() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.REJECTED), "1", NOW));
        review = decided(
                review, desk.decideClaim(review, decide(Actors.PAUL, "c-dose", ClaimVerdict.APPROVED), "2", NOW));

        assertThat(review.rejectedClaimIds())
                .as("Paul's approval does not overrule Rita's rejection")
                .containsExactly("c-dose");
        assertThat(review.decisionFor("c-dose"))
                .get()
                .extracting(d -> d.reviewer().username())
                .isEqualTo("paul");

        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.APPROVED), "3", NOW));

        assertThat(review.rejectedClaimIds()).isEmpty();
        assertThat(review.decisionsOn("c-dose"))
                .extracting(d -> d.reviewer().username())
                .containsExactly("paul", "rita");
        assertThat(review.decisionFor("c-dose"))
                .get()
                .extracting(d -> d.reviewer().username())
                .isEqualTo("rita");
    }

    @Test
    void requestingChangesListsTheRejectedClaims() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());
        review = decided(
                review, desk.decideClaim(review, decide(Actors.RITA, "c-dose", ClaimVerdict.REJECTED), "1", NOW));

        SignOffOutcome outcome = desk.signOff(
                review,
                new SignOffRequest(
                        Actors.RITA,
                        SignOffDecision.REQUEST_CHANGES,
                        "cite the dose",
                        review.draft().contentHash()),
                "2",
                NOW);

        assertThat(outcome).isInstanceOfSatisfying(SignOffOutcome.Returned.class, returned -> {
            assertThat(returned.event().outcome()).isEqualTo(ReviewOutcome.CHANGES_REQUESTED);
            assertThat(returned.event().rejectedClaimIds()).isEqualTo(List.of("c-dose"));
        });
    }

    @Test
    void anAuthorCannotRejectTheirOwnArticleEither() {
        ArticleReview review = ArticleReview.opened(Drafts.coWrittenByDana());

        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.DANA,
                                SignOffDecision.REJECT,
                                null,
                                review.draft().contentHash()),
                        "e",
                        NOW))
                .isEqualTo(new Refused(
                        Refusal.OWN_ARTICLE,
                        "a reviewer may not sign off an article they wrote (credited as \"Dana Diaz\")"));
    }

    @Test
    void approvingWithAnUndecidedClaimIsBlocked() {
        ArticleReview review = ArticleReview.opened(Drafts.withTwoClaims());

        assertThat(desk.signOff(
                        review,
                        new SignOffRequest(
                                Actors.RITA,
                                SignOffDecision.APPROVE,
                                null,
                                review.draft().contentHash()),
                        "e",
                        NOW))
                .isInstanceOfSatisfying(
                        Blocked.class, blocked -> assertThat(blocked.reasons()).hasSize(2));
    }
}
