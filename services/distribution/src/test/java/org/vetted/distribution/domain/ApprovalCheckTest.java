package org.vetted.distribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApprovalCheckTest {
    private final ApprovalCheck check = ApprovalCheck.defaults();
    private final RenderedArticle rendered = Articles.rendered(2, null, "Walking may ease back pain.");

    @Test
    void renderingOfExactlyTheApprovedSourceIsVerified() {
        assertThat(check.check(rendered)).isInstanceOf(ApprovalVerdict.Verified.class);
    }

    @Test
    void bodyChangedAfterApprovalIsRejected() {
        RenderedArticle tampered = Articles.withBody(rendered, "Walking cures back pain.");

        assertThat(check.check(tampered))
                .isInstanceOfSatisfying(
                        ApprovalVerdict.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("do not hash to the approved hash"));
    }

    @Test
    void renderedSourceHashThatIsNotTheApprovedHashIsRejected() {
        RenderedArticle tampered = Articles.withSourceHash(rendered, "sha256:0000");

        assertThat(check.check(tampered))
                .isInstanceOfSatisfying(
                        ApprovalVerdict.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("is not the approved hash"));
    }

    @Test
    void approvalOfAnotherRevisionIsRejected() {
        RenderedArticle tampered = Articles.withRevision(rendered, 3);

        assertThat(check.check(tampered))
                .isInstanceOfSatisfying(
                        ApprovalVerdict.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("approval is for revision 2"));
    }
}
