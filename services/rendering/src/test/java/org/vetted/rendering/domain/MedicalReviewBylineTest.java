package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedicalReviewBylineTest {

    @Test
    void bylineNamesTheSigningReviewerTheirCredentialAndTheApprovalDate() {
        SignOff signOff = new SignOff(
                1, "sha256:x", new SignOff.Reviewer("Rita Reyes", "MD"), Instant.parse("2026-11-25T15:30:00Z"));

        assertThat(new MedicalReviewByline(ZoneOffset.UTC).of(signOff))
                .isEqualTo("<p class=\"medical-review\">Medically reviewed by Rita Reyes, MD on November 25, 2026</p>");
    }

    @Test
    void withFourEyesEveryReviewerIsCreditedTheSignerFirst() {
        SignOff fourEyes = new SignOff(
                1,
                "sha256:x",
                new SignOff.Reviewer("Paul Park", "PharmD"),
                Instant.parse("2026-11-25T15:30:00Z"),
                List.of(new SignOff.Reviewer("Rita Reyes", "MD")));

        assertThat(new MedicalReviewByline(ZoneOffset.UTC).of(fourEyes))
                .isEqualTo("<p class=\"medical-review\">"
                        + "Medically reviewed by Paul Park, PharmD and Rita Reyes, MD on November 25, 2026</p>");
    }

    @Test
    void threeReviewersReadAsAListWhoseItemsKeepTheirCredentials() {
        SignOff three = new SignOff(
                1,
                "sha256:x",
                new SignOff.Reviewer("Paul Park", "PharmD"),
                Instant.parse("2026-11-25T15:30:00Z"),
                List.of(new SignOff.Reviewer("Rita Reyes", "MD"), new SignOff.Reviewer("Sam <Stone>", "RD")));

        assertThat(new MedicalReviewByline(ZoneOffset.UTC).of(three))
                .isEqualTo(
                        "<p class=\"medical-review\">"
                                + "Medically reviewed by Paul Park, PharmD; Rita Reyes, MD; and Sam &lt;Stone&gt;, RD on November 25, 2026</p>");
    }

    @Test
    void bylineDateIsTheApprovalDateInTheConfiguredZone() {
        SignOff lateEvening = new SignOff(
                1, "sha256:x", new SignOff.Reviewer("Paul Park", "PharmD"), Instant.parse("2026-11-26T02:00:00Z"));

        assertThat(new MedicalReviewByline(ZoneId.of("America/New_York")).of(lateEvening))
                .endsWith("on November 25, 2026</p>");
    }

    @Test
    void reviewerNamesAreEscaped() {
        SignOff signOff = new SignOff(
                1,
                "sha256:x",
                new SignOff.Reviewer("<script>alert(1)</script> O’Brien & Co", "MD\"><b>"),
                Instant.parse("2026-11-25T15:30:00Z"));

        String byline = new MedicalReviewByline(ZoneOffset.UTC).of(signOff);

        assertThat(byline)
                .doesNotContain("<script", "<b>")
                .contains("&lt;script&gt;", "O’Brien &amp; Co", "MD&#34;&gt;&lt;b&gt;")
                .startsWith("<p class=\"medical-review\">")
                .endsWith("</p>");
    }
}
