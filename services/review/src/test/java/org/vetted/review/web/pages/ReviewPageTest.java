package org.vetted.review.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Claim;
import org.vetted.review.domain.ClaimKind;
import org.vetted.review.web.pages.ReviewPage.Segment;

class ReviewPageTest {
    private static final Claim PAIN = new Claim("c-pain", "Curcumin may reduce knee pain.", ClaimKind.EFFECT, true, null);
    private static final Claim DOSE = new Claim("c-dose", "Trials used 1,000 mg a day.", ClaimKind.DOSE, false, null);

    @Test
    void eachClaimIsMarkedWhereItStandsAndTheTextIsKeptWhole() {
        String body = "## Does It Work?\n\nCurcumin may reduce knee pain. Good.\n\nTrials used 1,000 mg a day.\n";

        List<Segment> segments = ReviewPage.segments(body, List.of(PAIN, DOSE));

        assertThat(segments).extracting(Segment::claimId).containsExactly(null, "c-pain", null, "c-dose", null);
        assertThat(segments.stream().map(Segment::text).reduce("", String::concat)).isEqualTo(body);
    }

    @Test
    void aClaimNotInTheTextAsWrittenIsLeftUnmarked() {
        String body = "**Curcumin** may reduce knee pain.\n";

        assertThat(ReviewPage.segments(body, List.of(PAIN))).containsExactly(new Segment(body, null));
    }
}
