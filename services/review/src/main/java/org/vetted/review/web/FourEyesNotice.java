package org.vetted.review.web;

import org.vetted.review.domain.gate.ClaimOutcome;

/** What a reviewer is told after approving a claim that still needs another reviewer: the API's and the pages'. */
public final class FourEyesNotice {

    /**
     * Null unless the reviewer approved again a claim that still waits for a second reviewer: a first approval of
     * two already shows as "Approved (1 of 2)", but approving again looks like progress and is none.
     */
    public static String of(ClaimOutcome.Decided decided) {
        return decided.awaitsAnotherReviewer() && decided.approvedAgain()
                ? "You had already approved this claim, so your approval does not count twice: it still needs a "
                        + "second reviewer, and that cannot be you (four eyes)."
                : null;
    }

    private FourEyesNotice() {}
}
