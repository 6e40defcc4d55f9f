package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.events.Approval;
import org.vetted.events.Reviewer;

class MedicalCreditsTest {
    private static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");
    private static final Reviewer PAUL = new Reviewer("paul", "Paul Park", "PharmD");
    private static final Reviewer SAM = new Reviewer("sam", "Sam Stone", "RD");

    @Test
    void theSignerComesFirstThenEveryOtherClaimReviewerOnce() {
        assertThat(MedicalCredits.of(approval(PAUL, RITA, PAUL))).containsExactly(PAUL, RITA);
        assertThat(MedicalCredits.of(approval(PAUL))).containsExactly(PAUL);
        assertThat(MedicalCredits.of(approval(RITA, PAUL, SAM))).containsExactly(RITA, PAUL, SAM);
    }

    @Test
    void onePersonWrittenTwoWaysIsCreditedOnce() {
        Reviewer ritaAgain = new Reviewer("RITA", "Dr. Rita Reyes", "MD");
        Reviewer ritaRenamed = new Reviewer("rreyes", "Reyes, Rita", "MD");

        assertThat(MedicalCredits.of(approval(RITA, ritaAgain, ritaRenamed, PAUL)))
                .containsExactly(RITA, PAUL);
    }

    @Test
    void namesReadAsAShortList() {
        assertThat(MedicalCredits.list(List.of("Paul Park, PharmD"))).isEqualTo("Paul Park, PharmD");
        assertThat(MedicalCredits.list(List.of("Paul Park, PharmD", "Rita Reyes, MD")))
                .isEqualTo("Paul Park, PharmD and Rita Reyes, MD");
        assertThat(MedicalCredits.list(List.of("Paul Park, PharmD", "Rita Reyes, MD", "Sam Stone, RD")))
                .isEqualTo("Paul Park, PharmD; Rita Reyes, MD; and Sam Stone, RD");
        assertThat(MedicalCredits.nameWithCredential(" Rita Reyes ", "")).isEqualTo("Rita Reyes");
    }

    private static Approval approval(Reviewer signer, Reviewer... claimReviewers) {
        return Approval.newBuilder()
                .setRevision(1)
                .setContentHash("sha256v2:abc")
                .setSignedOffBy(signer)
                .setClaimReviewers(List.of(claimReviewers))
                .setApprovedAt(Instant.EPOCH)
                .build();
    }
}
