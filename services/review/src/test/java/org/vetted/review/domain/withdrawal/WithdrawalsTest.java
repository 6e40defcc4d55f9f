package org.vetted.review.domain.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Actors;

class WithdrawalsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final ApprovedRevision APPROVED = new ApprovedRevision(2, "sha256v2:ab", "zinc", "Zinc");

    private static Withdrawals approved(Withdrawal... decisions) {
        return new Withdrawals("a1", Optional.of(APPROVED), List.of(decisions));
    }

    private static Withdrawal decided(Withdrawals withdrawals, WithdrawalKind kind, Instant at) {
        Withdrawals.Outcome outcome = withdrawals.decide(Actors.RITA, kind, "Wrong dose", "e-" + kind, at);
        assertThat(outcome).isInstanceOf(Withdrawals.Decided.class);
        return ((Withdrawals.Decided) outcome).withdrawal();
    }

    @Test
    void aRetractionNamesTheLastApprovedRevisionAndWhoDecidedWhyAndWhen() {
        Withdrawal retraction = decided(approved(), WithdrawalKind.RETRACTED, T0);
        assertThat(retraction)
                .isEqualTo(new Withdrawal(
                        "e-RETRACTED",
                        "a1",
                        WithdrawalKind.RETRACTED,
                        "Wrong dose",
                        Actors.RITA.asReviewer(),
                        T0,
                        2,
                        "sha256v2:ab",
                        "zinc",
                        "Zinc"));
    }

    @Test
    void aRetractionMayBeFollowedByATakedownNeverTheOtherWayRound() {
        Withdrawal retraction = decided(approved(), WithdrawalKind.RETRACTED, T0);
        Withdrawal takedown = decided(approved(retraction), WithdrawalKind.UNPUBLISHED, T0.plusSeconds(60));

        assertThat(approved(retraction, takedown).current()).contains(takedown);
        assertThat(approved(takedown).decide(Actors.PAUL, WithdrawalKind.RETRACTED, "why", "e3", T0.plusSeconds(90)))
                .isInstanceOfSatisfying(
                        Withdrawals.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Withdrawals.Reason.ALREADY_FURTHER));
    }

    @Test
    void theSameDecisionAgainAnswersTheOneInForce() {
        Withdrawal retraction = decided(approved(), WithdrawalKind.RETRACTED, T0);
        assertThat(approved(retraction).decide(Actors.PAUL, WithdrawalKind.RETRACTED, "other", "e2", T0.plusSeconds(5)))
                .isEqualTo(new Withdrawals.AlreadyDecided(retraction));
    }

    @Test
    void aTakedownIsNeverStampedBeforeTheRetractionItFollows() {
        Withdrawal retraction = decided(approved(), WithdrawalKind.RETRACTED, T0);
        assertThat(decided(approved(retraction), WithdrawalKind.UNPUBLISHED, T0.minusSeconds(5))
                        .decidedAt())
                .isEqualTo(T0.plusMillis(1));
    }

    @Test
    void onlyACredentialedReviewerOrAnEditorWithdraws() {
        assertThat(approved().decide(Actors.WANDA, WithdrawalKind.RETRACTED, "why", "e", T0))
                .isEqualTo(new Withdrawals.Refused(
                        Withdrawals.Reason.NOT_ALLOWED,
                        "only a credentialed medical reviewer or an editor withdraws articles"));
        assertThat(approved().decide(Actors.UNCREDENTIALED, WithdrawalKind.RETRACTED, "why", "e", T0))
                .isInstanceOf(Withdrawals.Refused.class);
        assertThat(approved().decide(Actors.EDDIE, WithdrawalKind.UNPUBLISHED, "why", "e", T0))
                .isInstanceOfSatisfying(
                        Withdrawals.Decided.class,
                        decided -> assertThat(decided.withdrawal().decidedBy().credential())
                                .isEmpty());
    }

    @Test
    void anArticleNeverApprovedOrABlankReasonIsRefused() {
        assertThat(new Withdrawals("a1", Optional.empty(), List.of())
                        .decide(Actors.RITA, WithdrawalKind.RETRACTED, "why", "e", T0))
                .isInstanceOfSatisfying(
                        Withdrawals.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Withdrawals.Reason.NOT_APPROVED));
        assertThat(approved().decide(Actors.RITA, WithdrawalKind.RETRACTED, "\u200b\u2060", "e", T0))
                .isInstanceOfSatisfying(
                        Withdrawals.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Withdrawals.Reason.INVALID_REASON));
    }
}
